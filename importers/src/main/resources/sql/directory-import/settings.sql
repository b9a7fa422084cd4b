-- Passes one setting of the run to the SQL that follows, until the transaction ends:
-- atlas.import.source, atlas.import.run, atlas.import.keep_out_of_region, atlas.import.partial.
-- Parameters: name, value.
SELECT set_config(?, ?, true);
