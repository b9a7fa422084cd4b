-- The rights requests the account made.
SELECT id, kind, record_kind, record_id, CAST(corrections AS text) AS corrections, message, status, created_at, confirmed_at, due_at,
       handled_at, outcome, answer
FROM rights_request WHERE requester_account_id = :id ORDER BY id
