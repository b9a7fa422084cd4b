-- The territories containing a point, smallest first. The commune comes from its polygon (cut in
-- small parts for speed); the kinds built from communes follow from the commune's keys, so the
-- answer always agrees with "who acts in X"; QPV and PNR, which do not follow commune borders,
-- are tested by geometry. No commune (sea, another region): no row. The commune code is a scalar
-- subquery so that the planner pushes it into each branch of territory_commune (index lookups).
WITH point AS (
  SELECT ST_SetSRID(ST_MakePoint(:lon, :lat), 4326) AS geom
), hit AS (
  SELECT p.code FROM commune_part p, point WHERE ST_Intersects(p.geom, point.geom) ORDER BY p.code LIMIT 1
), found AS (
  SELECT 'commune' AS kind, hit.code FROM hit
  UNION ALL
  SELECT tc.kind, tc.code FROM territory_commune tc
  WHERE tc.commune_code = (SELECT code FROM hit) AND tc.kind NOT IN ('qpv', 'pnr')
  UNION ALL
  SELECT z.kind, z.code FROM territory z, point
  WHERE z.kind IN ('qpv', 'pnr') AND ST_Intersects(z.geom, point.geom) AND EXISTS (SELECT FROM hit)
)
SELECT t.kind, t.code, t.name
FROM found JOIN territory t ON t.kind = found.kind AND t.code = found.code
JOIN territory_kind k ON k.kind = t.kind
ORDER BY k.rank, t.code
