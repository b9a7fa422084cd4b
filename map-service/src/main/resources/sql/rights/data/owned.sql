-- The records the account owns (a confirmed claim).
SELECT record_kind, record_id, since FROM record_owner WHERE account_id = :id ORDER BY since
