-- The ids among these (comma-separated) that are no published actor.
SELECT u.id
FROM unnest(CAST(string_to_array(CAST(:ids AS text), ',') AS bigint[])) AS u(id)
WHERE NOT EXISTS (SELECT FROM actor a WHERE a.id = u.id)
ORDER BY u.id
