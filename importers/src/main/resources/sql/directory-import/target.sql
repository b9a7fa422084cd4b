-- Which ${record} each located row publishes to: its own (known), the one it merges into
-- (matched), or a new one whose id is drawn here so that provenance can refer to it.
CREATE TEMP TABLE stage_new ON COMMIT DROP AS
SELECT nextval(pg_get_serial_sequence('${record}', 'id')) AS id, line
FROM (SELECT l.line FROM stage_located l
      WHERE NOT EXISTS (SELECT FROM stage_known k WHERE k.line = l.line)
        AND NOT EXISTS (SELECT FROM stage_match m WHERE m.line = l.line)
      ORDER BY l.line) fresh;

CREATE TEMP TABLE stage_target ON COMMIT DROP AS
SELECT line, id, 'known' AS how FROM stage_known
UNION ALL
SELECT line, id, 'merged' FROM stage_match
UNION ALL
SELECT line, id, 'new' FROM stage_new;

CREATE UNIQUE INDEX ON stage_target (line);

-- The best row of those that merge into the same ${record} (several rows may).
CREATE TEMP TABLE stage_merge_best ON COMMIT DROP AS
SELECT DISTINCT ON (m.id) m.id, l.*
FROM stage_match m JOIN stage_located l ON l.line = m.line
ORDER BY m.id, m.priority, m.line;
