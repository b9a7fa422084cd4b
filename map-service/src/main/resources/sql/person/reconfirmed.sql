-- A person re-confirmed: dated, and the link is spent.
UPDATE person SET confirmed_at = now() WHERE id = :id;
UPDATE person_private SET reconfirm_token_hash = NULL WHERE person_id = :id;
