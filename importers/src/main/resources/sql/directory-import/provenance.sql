-- Records where each published row came from, lists the merges for review, and marks what a
-- full import of the source no longer has. Settings: atlas.import.source, atlas.import.run,
-- atlas.import.partial.
INSERT INTO ${record}_provenance AS p (source, external_id, ${record}_id, content_hash, first_run, last_run, last_seen_at, seen, match_rule)
SELECT current_setting('atlas.import.source'), l.external_id, t.id, l.content_hash,
       current_setting('atlas.import.run')::bigint, current_setting('atlas.import.run')::bigint, now(), true, m.rule
FROM stage_located l
JOIN stage_target t ON t.line = l.line
LEFT JOIN stage_match m ON m.line = l.line
ON CONFLICT (source, external_id) DO UPDATE
SET ${record}_id = excluded.${record}_id, content_hash = excluded.content_hash, last_run = excluded.last_run,
    last_seen_at = excluded.last_seen_at, seen = true;

INSERT INTO record_merge (run_id, record_kind, record_id, source, external_id, line, imported_name, existing_name, rule, score)
SELECT current_setting('atlas.import.run')::bigint, '${record}', m.id, current_setting('atlas.import.source'),
       l.external_id, l.line, l.name, m.existing_name, m.rule, m.score
FROM stage_match m JOIN stage_located l ON l.line = m.line;

CREATE TEMP TABLE stage_gone ON COMMIT DROP AS
WITH gone AS (
  UPDATE ${record}_provenance p SET seen = false
  WHERE p.source = current_setting('atlas.import.source') AND p.seen
    AND p.last_run <> current_setting('atlas.import.run')::bigint
    AND current_setting('atlas.import.partial') <> 'true'
    -- A file with no usable row is more likely a broken export than a source emptied overnight.
    AND EXISTS (SELECT FROM stage_located)
  RETURNING p.external_id
)
SELECT external_id FROM gone;
