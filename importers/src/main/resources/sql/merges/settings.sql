-- Passes one setting to the statements of accept.sql and undo.sql, until the transaction ends:
-- atlas.merge.candidate, atlas.merge.id, atlas.merge.by. Parameters: name, value.
SELECT set_config(?, ?, true);
