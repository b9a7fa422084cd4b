-- The version of the published data (system/DataVersion): the last import run that published
-- actors or initiatives, the last import of the reference territories, and the count of the
-- moderators' writes to the published tables (V16 publish_counter). All only grow.
SELECT (SELECT coalesce(max(id), 0) FROM import_run WHERE status = 'succeeded') AS import_run,
       (SELECT coalesce(max(id), 0) FROM territory_import) AS territory_import,
       (SELECT coalesce(max(value), 0) FROM publish_counter) AS moderation
