-- What no page shows: the address the relay writes to (the account's), the account, a private name.
INSERT INTO person_private (person_id, email, account_id, name)
SELECT :id, a.email, a.id, :name FROM account a WHERE a.id = :accountId
ON CONFLICT (person_id) DO UPDATE SET email = EXCLUDED.email, account_id = EXCLUDED.account_id, name = EXCLUDED.name
