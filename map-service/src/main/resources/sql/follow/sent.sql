-- A digest left: when.
UPDATE subscription SET last_sent_at = now() WHERE id = :id
