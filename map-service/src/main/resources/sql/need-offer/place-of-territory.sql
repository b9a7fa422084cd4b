-- Where an announcement posted in a person's name goes: the point of its perimeter's first
-- territory (a commune's point, precision 'commune'; another territory's, precision 'territory')
-- and the keys that territory fixes: a commune's all of them; an EPCI, PETR, bassin de vie or
-- département its own and those above it, read from its most populous commune (territory_commune,
-- a key lookup); the région only its own.
SELECT CASE WHEN t.kind = 'commune' THEN 'commune' ELSE 'territory' END AS precision,
       ST_X(p.pt) AS lon, ST_Y(p.pt) AS lat, t.kind AS territory_kind, t.code AS territory_code,
       CASE WHEN t.kind = 'commune' THEN c.code END AS commune,
       CASE WHEN t.kind = 'commune' THEN c.epci WHEN t.kind = 'epci' THEN t.code END AS epci,
       CASE WHEN t.kind IN ('commune', 'epci') THEN c.petr WHEN t.kind = 'petr' THEN t.code END AS petr,
       CASE WHEN t.kind = 'commune' THEN c.bassin_vie WHEN t.kind = 'bassin_vie' THEN t.code END AS bassin_vie,
       CASE WHEN t.kind = 'region' THEN NULL ELSE c.departement END AS departement,
       CASE WHEN t.kind = 'region' THEN t.code ELSE c.region END AS region
FROM territory t
CROSS JOIN LATERAL (SELECT coalesce(t.label_point, ST_PointOnSurface(t.geom)) AS pt) p
LEFT JOIN LATERAL (
  SELECT cc.* FROM commune cc
  WHERE (t.kind = 'commune' AND cc.code = t.code)
     OR (t.kind <> 'commune' AND cc.code IN (SELECT tc.commune_code FROM territory_commune tc WHERE tc.kind = t.kind AND tc.code = t.code))
  ORDER BY cc.population DESC NULLS LAST, cc.code
  LIMIT 1) c ON true
WHERE t.kind = :kind AND t.code = :code AND p.pt IS NOT NULL
