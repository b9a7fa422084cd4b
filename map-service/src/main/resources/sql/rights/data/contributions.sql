-- The contributions the account authored, with what they proposed.
SELECT id, kind, record_kind, record_id, CAST(payload AS text) AS payload, status, created_at, confirmed_at, decided_at,
       decision_reason
FROM contribution WHERE author_account_id = :id ORDER BY id
