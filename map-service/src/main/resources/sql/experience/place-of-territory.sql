-- A territory of the region by kind and code: the point an experience placed "on the territory"
-- takes (its label point, as the importers place records located by a territory) and the keys of
-- the commune under that point (none when the point is in no commune, e.g. at sea). No row: no
-- such territory.
SELECT c.code AS commune, c.epci, c.petr, c.bassin_vie, c.departement, c.region,
       ST_X(t.label_point) AS lon, ST_Y(t.label_point) AS lat, 'territory' AS precision
FROM territory t
LEFT JOIN LATERAL (SELECT p.code FROM commune_part p WHERE ST_Intersects(p.geom, t.label_point) LIMIT 1) under ON true
LEFT JOIN commune c ON c.code = under.code
WHERE t.kind = :kind AND t.code = :code AND t.label_point IS NOT NULL
