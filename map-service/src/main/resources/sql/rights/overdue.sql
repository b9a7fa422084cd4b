-- Open requests past their due date that the admins were not told of yet: marked now, once.
UPDATE rights_request
SET escalated_at = now()
WHERE status = 'open' AND due_at < now() AND escalated_at IS NULL
RETURNING id, kind, record_kind, record_id, record_name, due_at
