-- One contribution as a moderator sees it, if it is in their queue (the marker below: visible.sql);
-- no address of its author.
SELECT c.id, c.kind, c.record_kind, c.record_id, c.status, CAST(c.payload AS text) AS payload, c.created_at,
       c.escalation_level, c.locked_by, c.locked_until, c.author_account_id, ${visible} AS visible
FROM contribution c
WHERE c.id = :id
