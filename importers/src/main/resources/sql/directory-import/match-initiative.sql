-- Initiatives new to this source that are already published from another directory: matched by
-- name in the same or a neighbouring commune, or by a similar name in the same commune.
CREATE TEMP TABLE stage_match ON COMMIT DROP AS
SELECT l.line, m.id, m.rule, m.score, m.priority, m.existing_name
FROM stage_located l
CROSS JOIN LATERAL (
  SELECT c.id, c.rule, c.score, c.priority, c.name AS existing_name
  FROM (
    SELECT i.id, i.name, 'name-commune' AS rule, 1::real AS score, 4 AS priority
    FROM initiative i WHERE i.name_search = l.name_search AND i.commune = l.commune
    UNION ALL
    SELECT i.id, i.name, 'name-neighbour', 1, 5
    FROM commune_neighbour n JOIN initiative i ON i.commune = n.neighbour AND i.name_search = l.name_search
    WHERE n.code = l.commune
    UNION ALL
    SELECT i.id, i.name, 'similar-name', similarity(i.name_search, l.name_search), 6
    FROM initiative i
    WHERE i.commune = l.commune AND i.name_search % l.name_search
      AND similarity(i.name_search, l.name_search) >= 0.6
  ) c
  WHERE NOT EXISTS (SELECT FROM stage_known k WHERE k.id = c.id)
  ORDER BY c.priority, c.score DESC, c.id
  LIMIT 1
) m
WHERE NOT EXISTS (SELECT FROM stage_known k WHERE k.line = l.line)
  AND EXISTS (SELECT FROM initiative);

CREATE INDEX ON stage_match (line);
