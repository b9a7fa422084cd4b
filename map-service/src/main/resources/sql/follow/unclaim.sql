-- A digest that could not leave: its period starts again where it started, for the next turn.
UPDATE subscription SET last_digest_at = :since WHERE id = :id AND last_digest_at = :turn
