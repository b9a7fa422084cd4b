-- The secondary indexes of a table (those backing no constraint), with their definitions, to drop
-- and build again (BulkMode). Parameter: the table.
SELECT i.relname, pg_get_indexdef(i.oid)
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
WHERE x.indrelid = ?::regclass
  AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = x.indexrelid)
ORDER BY i.relname
