-- The published (or hidden) resource person of an account, if any.
SELECT pp.person_id, EXISTS (SELECT FROM person_hidden h WHERE h.id = pp.person_id) AS hidden
FROM person_private pp
WHERE pp.account_id = :accountId
UNION ALL
SELECT s.record_id, true
FROM hidden_satellite s
WHERE s.record_kind = 'person' AND s.tbl = 'person_private' AND (s.row_data ->> 'account_id')::bigint = :accountId
LIMIT 1
