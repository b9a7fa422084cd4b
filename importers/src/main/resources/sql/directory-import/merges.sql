-- The first rows of the run merged into a record published from another source, with the rule
-- that matched them and the id of the merge (for ./atlas merges undo), for the report.
-- Setting: atlas.import.run. Parameter: how many to list.
SELECT line, imported_name, existing_name, record_id, rule, score, id
FROM record_merge WHERE run_id = current_setting('atlas.import.run')::bigint
ORDER BY line LIMIT ?;
