-- The open rights requests of a moderator: overdue ones first, then by due date. No address of
-- the requester. The visibility condition is visible.sql, put in place of the marker below.
SELECT r.id, r.kind, r.record_kind, r.record_id, r.record_name, CAST(r.corrections AS text) AS corrections, r.message,
       r.verified_by, r.created_at, r.confirmed_at, r.due_at, r.due_at < now() AS overdue, r.escalated_at
FROM rights_request r
WHERE r.status = 'open' AND ${visible}
ORDER BY r.due_at < now() DESC, r.due_at, r.id
LIMIT :limit
