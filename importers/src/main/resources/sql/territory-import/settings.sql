-- Passes one setting to publish.sql, until the transaction ends: atlas.region, and for each source
-- kind its file name (atlas.source.KIND) and vintage (atlas.vintage.KIND). Parameters: name, value.
SELECT set_config(?, ?, true);
