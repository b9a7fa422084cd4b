-- Source values that differ from a value a human owns become proposals in the moderation queue
-- (contribution kind 'import_conflict', pending), once: a field with a field_source row is queued
-- when the source's value differs from the approved value and from the source value recorded
-- there (field_source.source_value, then updated to it, so that the next identical import queues
-- nothing); a field of an owned record without such a row is queued unless an import_conflict of
-- the record already proposed that value. One proposal per record, with the record's territory
-- keys (whose coordinators handle it) and the import's source. Its payload has the shape of a
-- 'change' contribution's (ProposedFields in the map service: the changed fields at the top level,
-- the place as its lon and lat), so that the moderation console diffs and approves it as one.
-- Settings: atlas.import.source.

-- The largest JSON a field may take in a payload (contribution.payload holds at most 65,536 bytes,
-- and a description may hold 50,000 characters of 1 to 3 bytes each).
CREATE TEMP TABLE stage_conflict ON COMMIT DROP AS
SELECT f.line, f.id, f.field, f.source, octet_length(jsonb_build_object(f.field, f.source)::text) AS size
FROM stage_guard_field f
WHERE f.protected AND f.source_form IS NOT NULL
  AND f.source_form IS DISTINCT FROM f.kept_form
  AND f.source_form IS DISTINCT FROM f.recorded_form
  AND (f.approved OR NOT EXISTS (SELECT FROM contribution c
                                 WHERE c.record_kind = '${record}' AND c.record_id = f.id AND c.kind = 'import_conflict'
                                   AND CASE WHEN f.field = 'place' THEN c.payload @> f.source
                                            ELSE c.payload -> f.field = f.source END));

INSERT INTO stage_note (note, line)
SELECT 'source value of ' || field || ' too large for the moderation queue (kept out of it; the approved value stays)', line
FROM stage_conflict WHERE size > 60000;

DELETE FROM stage_conflict WHERE size > 60000;

-- Fields whose values together would not fit in one payload go one proposal each.
CREATE TEMP TABLE stage_queued ON COMMIT DROP AS
WITH part AS (
  SELECT c.*, CASE WHEN sum(c.size) OVER (PARTITION BY c.line) <= 60000 THEN '' ELSE c.field END AS part
  FROM stage_conflict c
), queued AS (
  INSERT INTO contribution (kind, record_kind, record_id, payload, status, source,
                            commune, epci, petr, bassin_vie, departement, region)
  SELECT 'import_conflict', '${record}', p.id,
         coalesce(jsonb_object_agg(p.field, p.source) FILTER (WHERE p.field <> 'place'), '{}')
           || coalesce((jsonb_agg(p.source) FILTER (WHERE p.field = 'place')) -> 0, '{}'), 'pending',
         current_setting('atlas.import.source'), r.commune, r.epci, r.petr, r.bassin_vie, r.departement, r.region
  FROM part p JOIN ${record} r ON r.id = p.id
  GROUP BY p.line, p.part, p.id, r.commune, r.epci, r.petr, r.bassin_vie, r.departement, r.region
  RETURNING id, record_id
)
SELECT id, record_id FROM queued;

UPDATE field_source fs
SET source_value = f.source
FROM stage_guard_field f
WHERE f.approved AND fs.record_kind = '${record}' AND fs.record_id = f.id AND fs.field = f.field
  AND f.source_form IS NOT NULL AND f.source_form IS DISTINCT FROM f.recorded_form;
