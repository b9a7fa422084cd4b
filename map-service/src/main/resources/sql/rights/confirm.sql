-- Spends a verification token: once, before it expires. The request opens, and its clock starts.
UPDATE rights_request
SET status = 'open', confirmed_at = now(), due_at = now() + CAST(:dueAfter AS interval), token_hash = NULL, token_expires_at = NULL
WHERE token_hash = :hash AND status = 'unconfirmed' AND token_expires_at > now()
RETURNING id, record_kind, record_id, due_at
