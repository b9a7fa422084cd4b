-- The foreign keys of a table, with their definitions, to drop and add again (BulkMode).
-- Parameter: the table.
SELECT c.conname, pg_get_constraintdef(c.oid)
FROM pg_constraint c WHERE c.conrelid = ?::regclass AND c.contype = 'f'
ORDER BY c.conname
