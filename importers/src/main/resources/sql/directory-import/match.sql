-- Rows new to this source whose ${record} is already published from another directory: each is
-- matched to at most one existing ${record}, by the first rule that holds (see importers/README.md,
-- "Deduplication"), the most similar name first within a rule. The rules by name below hold for
-- every kind; the rules of a kind that has identifiers (match-actor.sql) come before them by
-- priority. Records this run already updates through their own provenance are not candidates.
-- Skipped at once when nothing is published yet.
CREATE TEMP TABLE stage_match ON COMMIT DROP AS
SELECT l.line, m.id, m.rule, m.score, m.priority, m.existing_name
FROM stage_located l
CROSS JOIN LATERAL (
  SELECT c.id, c.rule, c.score, c.priority, c.name AS existing_name
  FROM (
    SELECT r.id, r.name, 'name-commune' AS rule, 1::real AS score, 4 AS priority
    FROM ${record} r WHERE r.name_search = l.name_search AND r.commune = l.commune
    UNION ALL
    SELECT r.id, r.name, 'name-neighbour', 1, 5
    FROM commune_neighbour n JOIN ${record} r ON r.commune = n.neighbour AND r.name_search = l.name_search
    WHERE n.code = l.commune
    UNION ALL
    SELECT r.id, r.name, 'similar-name', similarity(r.name_search, l.name_search), 6
    FROM ${record} r
    WHERE r.commune = l.commune AND r.name_search % l.name_search
      AND similarity(r.name_search, l.name_search) >= 0.6
    ${kind-rules}
  ) c
  WHERE NOT EXISTS (SELECT FROM stage_known k WHERE k.id = c.id)
  ORDER BY c.priority, c.score DESC, c.id
  LIMIT 1
) m
WHERE NOT EXISTS (SELECT FROM stage_known k WHERE k.line = l.line)
  AND EXISTS (SELECT FROM ${record});

CREATE INDEX ON stage_match (line);
