-- Actors new to this source that are already published from another directory: each is matched
-- to at most one existing actor by the first rule that holds (see importers/README.md,
-- "Deduplication"). Actors this run already updates through their own provenance are not
-- candidates. Skipped at once when nothing is published yet.
CREATE TEMP TABLE stage_match ON COMMIT DROP AS
SELECT l.line, m.id, m.rule, m.score, m.priority, m.existing_name
FROM stage_located l
CROSS JOIN LATERAL (
  SELECT c.id, c.rule, c.score, c.priority, c.name AS existing_name
  FROM (
    SELECT a.id, a.name, 'siren' AS rule, 1::real AS score, 1 AS priority
    FROM actor a WHERE l.siren IS NOT NULL AND a.siren = l.siren
    UNION ALL
    SELECT a.id, a.name, 'rna', 1, 2
    FROM actor a WHERE l.rna IS NOT NULL AND a.rna = l.rna
    UNION ALL
    SELECT a.id, a.name, 'website', similarity(a.name_search, l.name_search), 3
    FROM actor a
    WHERE l.website_host IS NOT NULL AND a.website_host = l.website_host
      AND a.departement IS NOT DISTINCT FROM l.departement
      AND NOT EXISTS (SELECT FROM shared_website_host h WHERE h.host = l.website_host)
      AND similarity(a.name_search, l.name_search) >= 0.3
    UNION ALL
    SELECT a.id, a.name, 'name-commune', 1, 4
    FROM actor a WHERE a.name_search = l.name_search AND a.commune = l.commune
    UNION ALL
    SELECT a.id, a.name, 'name-neighbour', 1, 5
    FROM commune_neighbour n JOIN actor a ON a.commune = n.neighbour AND a.name_search = l.name_search
    WHERE n.code = l.commune
    UNION ALL
    SELECT a.id, a.name, 'similar-name', similarity(a.name_search, l.name_search), 6
    FROM actor a
    WHERE a.commune = l.commune AND a.name_search % l.name_search
      AND similarity(a.name_search, l.name_search) >= 0.6
  ) c
  WHERE NOT EXISTS (SELECT FROM stage_known k WHERE k.id = c.id)
  ORDER BY c.priority, c.score DESC, c.id
  LIMIT 1
) m
WHERE NOT EXISTS (SELECT FROM stage_known k WHERE k.line = l.line)
  AND EXISTS (SELECT FROM actor);

CREATE INDEX ON stage_match (line);
