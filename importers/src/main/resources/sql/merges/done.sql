-- The merges in force (automatic or accepted, not undone), newest first. Parameter: how many.
SELECT id, record_kind, record_id, existing_name, imported_name, source, external_id, rule, score, merged_at, merged_by
FROM record_merge
WHERE undone_at IS NULL
ORDER BY id DESC
LIMIT ?;
