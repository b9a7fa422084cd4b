-- The contributions of an account, newest first, with the name of what they are about.
SELECT c.id, c.kind, c.record_kind, c.record_id, c.status, c.created_at, c.decided_at, c.decision_reason,
       coalesce(c.payload ->> 'name', c.payload ->> 'title', a.name, i.name) AS name
FROM contribution c
LEFT JOIN actor a ON c.record_kind = 'actor' AND a.id = c.record_id
LEFT JOIN initiative i ON c.record_kind = 'initiative' AND i.id = c.record_id
WHERE c.author_account_id = :accountId
ORDER BY c.id DESC
LIMIT :limit
