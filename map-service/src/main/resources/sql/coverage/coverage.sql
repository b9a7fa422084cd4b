-- Coverage of the territories of one level: for each, the actors and initiatives matching the
-- filters and the themes they carry. Counting is a key lookup on the records' own key column of
-- the level (${recordKey}), grouped; the territories come first and the counts are LEFT JOINed,
-- so a territory without any match is listed with zeros. With a territory filter (:scopeKind,
-- :scopeCode), only the level's territories sharing a commune with it are listed.
-- The last row (unassigned = true) gathers the matching records that no listed territory holds:
-- no key at this level (outside the region, outside every PETR) or a key not listed. Listed
-- counts plus that row equal the totals of /api/actors and /api/initiatives.
-- The records are read through their public views, the only form of them the reader role may read.
WITH listed AS (
  SELECT t.code, t.name, t.population
  FROM territory t
  WHERE t.kind = :level
    AND (CAST(:scopeKind AS text) IS NULL OR t.code IN (
      SELECT c.${communeKey}
      FROM commune c
      WHERE (:scopeKind = 'commune' AND c.code = :scopeCode)
         OR c.code IN (SELECT tc.commune_code FROM territory_commune tc
                       WHERE tc.kind = :scopeKind AND tc.code = :scopeCode)))
),
matched AS (
  SELECT 'actor' AS record, r.${recordKey} AS code, r.themes FROM actor_public r WHERE ${actorWhere}
  UNION ALL
  SELECT 'initiative', r.${recordKey}, r.themes FROM initiative_public r WHERE ${initiativeWhere}
),
keyed AS (
  SELECT l.code, m.record, m.themes  -- code NULL: unassigned
  FROM matched m LEFT JOIN listed l ON l.code = m.code
),
counts AS (
  SELECT code, count(*) FILTER (WHERE record = 'actor') AS actors,
         count(*) FILTER (WHERE record = 'initiative') AS initiatives
  FROM keyed GROUP BY code
),
theme_counts AS (
  SELECT k.code, th.theme, count(*) FILTER (WHERE k.record = 'actor') AS actors,
         count(*) FILTER (WHERE k.record = 'initiative') AS initiatives
  FROM keyed k CROSS JOIN LATERAL unnest(k.themes) AS th(theme)
  GROUP BY k.code, th.theme
),
themes AS (
  SELECT code,
         array_agg(theme ORDER BY actors + initiatives DESC, theme) AS theme_codes,
         array_agg(actors ORDER BY actors + initiatives DESC, theme) AS theme_actors,
         array_agg(initiatives ORDER BY actors + initiatives DESC, theme) AS theme_initiatives
  FROM theme_counts GROUP BY code
)
SELECT false AS unassigned, l.code, l.name, l.population,
       coalesce(c.actors, 0) AS actors, coalesce(c.initiatives, 0) AS initiatives,
       th.theme_codes, th.theme_actors, th.theme_initiatives,
       CASE WHEN :withGeometry THEN ST_AsGeoJSON(d.geom, 6) END AS geojson
FROM listed l
LEFT JOIN counts c ON c.code = l.code
LEFT JOIN themes th ON th.code = l.code
LEFT JOIN territory_display d ON d.kind = :level AND d.code = l.code
UNION ALL
SELECT true, NULL, NULL, NULL, coalesce(c.actors, 0), coalesce(c.initiatives, 0), NULL, NULL, NULL, NULL
FROM (SELECT) one
LEFT JOIN counts c ON c.code IS NULL
ORDER BY unassigned, code;
