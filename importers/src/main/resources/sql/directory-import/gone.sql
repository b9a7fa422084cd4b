-- The records of this source that this full import no longer saw (stage_gone, from
-- provenance.sql), for the report: they are counted and listed, never deleted.
-- Parameter: how many to list.
SELECT r.id, r.name, g.external_id
FROM stage_gone g
JOIN ${record}_provenance p ON p.source = current_setting('atlas.import.source') AND p.external_id = g.external_id
JOIN ${record} r ON r.id = p.${record}_id
ORDER BY r.id
LIMIT ?;
