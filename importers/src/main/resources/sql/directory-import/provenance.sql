-- Records where each published row came from, lists the merges and possible duplicates for review,
-- and marks what a full import of the source no longer has (but a suppressed record).
-- Settings: atlas.import.source, atlas.import.run, atlas.import.partial.
-- Rows new to this source (new records and merges: stage_known holds every row whose source and
-- external id have a provenance row) are inserted plainly; known rows update theirs. (One INSERT
-- ... ON CONFLICT did both: its speculative insertion cost a first import of 470,000 rows 2.5 s.)
INSERT INTO ${record}_provenance (source, external_id, ${record}_id, content_hash, first_run, last_run, last_seen_at, seen, match_rule)
SELECT current_setting('atlas.import.source'), l.external_id, t.id, l.content_hash,
       current_setting('atlas.import.run')::bigint, current_setting('atlas.import.run')::bigint, now(), true, m.rule
FROM stage_located l
JOIN stage_target t ON t.line = l.line AND t.how <> 'known'
LEFT JOIN stage_match m ON m.line = l.line
ORDER BY l.external_id; -- in key order: the primary key's pages are filled one after the other

UPDATE ${record}_provenance p
SET ${record}_id = t.id, content_hash = l.content_hash, last_run = current_setting('atlas.import.run')::bigint,
    last_seen_at = now(), seen = true
FROM stage_located l
JOIN stage_target t ON t.line = l.line AND t.how = 'known'
WHERE p.source = current_setting('atlas.import.source') AND p.external_id = l.external_id;

-- Unchanged rows (unchanged.sql) keep their provenance row as it is: a full import dates them all
-- at once (source.complete_run_at, below). A row seen again after it had gone, or read by a
-- partial import, is dated here.
UPDATE ${record}_provenance p
SET last_run = current_setting('atlas.import.run')::bigint, last_seen_at = now(), seen = true
FROM stage_unchanged u
WHERE p.source = current_setting('atlas.import.source') AND p.external_id = u.external_id
  AND (NOT u.seen OR current_setting('atlas.import.partial') = 'true');

-- Every merge, with what undoing it needs: the record before (stage_merge_before) and the row
-- as the record of its own it would have been (absorbed).
INSERT INTO record_merge (run_id, record_kind, record_id, source, external_id, line, imported_name, existing_name, rule, score,
                          before, absorbed)
SELECT current_setting('atlas.import.run')::bigint, '${record}', m.id, current_setting('atlas.import.source'),
       l.external_id, l.line, l.name, m.existing_name, m.rule, m.score, b.before,
       to_jsonb(l) || jsonb_build_object('geom', ST_AsHEXEWKB(l.geom), 'name_key', k.name_key, 'name_kinds', k.name_kinds,
                                         'created_at', now(), 'updated_at', now())
FROM stage_match m JOIN stage_located l ON l.line = m.line JOIN stage_key k ON k.line = m.line
JOIN stage_merge_before b ON b.id = m.id;

-- The possible duplicates, for review: the existing record by the provenance that created it.
-- A pair already listed keeps its status (a declined one is not proposed again anyway).
INSERT INTO merge_candidate (record_kind, record_source, record_external_id, source, external_id, rule, score, run_id)
SELECT '${record}', o.source, o.external_id, current_setting('atlas.import.source'), l.external_id, c.rule, c.score,
       current_setting('atlas.import.run')::bigint
FROM stage_candidate c JOIN stage_located l ON l.line = c.line
CROSS JOIN LATERAL (
  SELECT p.source, p.external_id FROM ${record}_provenance p WHERE p.${record}_id = c.id
  ORDER BY p.match_rule IS NOT NULL, p.first_run, p.source, p.external_id LIMIT 1
) o
ON CONFLICT DO NOTHING;

CREATE TEMP TABLE stage_gone ON COMMIT DROP AS
WITH gone AS (
  UPDATE ${record}_provenance p SET seen = false
  WHERE p.source = current_setting('atlas.import.source') AND p.seen
    AND p.last_run <> current_setting('atlas.import.run')::bigint
    AND current_setting('atlas.import.partial') <> 'true'
    -- A file with no usable row is more likely a broken export than a source emptied overnight.
    AND (EXISTS (SELECT FROM stage_located) OR EXISTS (SELECT FROM stage_unchanged))
    AND NOT EXISTS (SELECT FROM stage_unchanged u WHERE u.external_id = p.external_id)
    -- A suppressed record is no longer the import's concern (suppress.sql): seen in the file or
    -- not, its provenance is left as it is, and the report does not list it for review.
    AND NOT EXISTS (SELECT FROM stage_suppressed s WHERE s.external_id = p.external_id)
    AND NOT EXISTS (SELECT FROM suppression x WHERE x.record_kind = '${record}' AND x.source = p.source
                                                AND x.external_id = p.external_id)
  RETURNING p.external_id
)
SELECT external_id FROM gone;

-- A full import with usable rows: every row of the source still seen was in this file.
UPDATE source SET complete_run_at = now()
WHERE name = current_setting('atlas.import.source') AND current_setting('atlas.import.partial') <> 'true'
  AND (EXISTS (SELECT FROM stage_located) OR EXISTS (SELECT FROM stage_unchanged));
