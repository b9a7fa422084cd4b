-- The account itself, for its owner's download.
SELECT id, email, display_name, created_at, last_seen_at FROM account WHERE id = :id
