-- The pending contributions of a moderator's queue, oldest first, after the cursor (an id).
-- A proposal names its record by `name` (needs and offers: `title`).
-- The visibility condition is visible.sql, put in place of the marker below.
SELECT c.id, c.kind, c.record_kind, c.record_id, c.created_at, c.escalation_level, c.commune,
       coalesce(c.payload ->> 'name', c.payload ->> 'title', a.name, i.name, ah.name, ih.name) AS name,
       c.locked_until > now() AS locked, c.locked_by = :accountId AND c.locked_until > now() AS locked_by_me
FROM contribution c
LEFT JOIN actor a ON c.record_kind = 'actor' AND a.id = c.record_id
LEFT JOIN initiative i ON c.record_kind = 'initiative' AND i.id = c.record_id
LEFT JOIN actor_hidden ah ON c.record_kind = 'actor' AND ah.id = c.record_id
LEFT JOIN initiative_hidden ih ON c.record_kind = 'initiative' AND ih.id = c.record_id
WHERE c.status = 'pending' AND c.id > :after AND ${visible}
ORDER BY c.id
LIMIT :limit
