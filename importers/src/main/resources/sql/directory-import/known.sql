-- Rows whose (source, external id) is already published: they update their ${record} in place
-- when their content hash changed. ${record} is the record table (actor or initiative).
-- Setting: atlas.import.source.
CREATE TEMP TABLE stage_known ON COMMIT DROP AS
SELECT l.line, p.${record}_id AS id, p.content_hash IS DISTINCT FROM l.content_hash AS changed
FROM stage_located l
JOIN ${record}_provenance p ON p.source = current_setting('atlas.import.source') AND p.external_id = l.external_id;

CREATE INDEX ON stage_known (line);

CREATE INDEX ON stage_known (id);

ANALYZE stage_known;
