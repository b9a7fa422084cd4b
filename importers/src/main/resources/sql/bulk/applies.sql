-- Whether a run inserts enough rows into a table for bulk mode (BulkMode): the rows it inserts
-- (stage_new, target.sql) and the rows the table holds (the planner's estimate is close enough).
-- Parameter: the table.
SELECT (SELECT count(*) FROM stage_new), (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = ?::regclass)
