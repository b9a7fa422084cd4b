-- The commune of the region under a point, and its territory keys (commune_part: the communes cut
-- in small pieces, so that this is a quick point-in-polygon). No row: the point is outside the region.
SELECT c.code AS commune, c.epci, c.petr, c.bassin_vie, c.departement, c.region,
       CAST(:lon AS float8) AS lon, CAST(:lat AS float8) AS lat, 'address' AS precision
FROM commune_part p
JOIN commune c ON c.code = p.code
WHERE ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))
LIMIT 1
