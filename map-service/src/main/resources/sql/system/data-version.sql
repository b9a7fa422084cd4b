-- The version of the published data (system/DataVersion): the last import run that published
-- actors or initiatives, and the last import of the reference territories. Both only grow.
SELECT (SELECT coalesce(max(id), 0) FROM import_run WHERE status = 'succeeded') AS import_run,
       (SELECT coalesce(max(id), 0) FROM territory_import) AS territory_import
