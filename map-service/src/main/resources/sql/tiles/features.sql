-- The rows of a cell or point query (cells-*.sql, points.sql) as GeoJSON points: lon/lat
-- rounded to 6 decimals, largest clusters first.
SELECT r.n, r.id, r.name, r.kind, r.themes,
       round(ST_X(p.geom)::numeric, 6)::float8 AS lon, round(ST_Y(p.geom)::numeric, 6)::float8 AS lat
FROM (${rows}) r
CROSS JOIN LATERAL (SELECT ST_Transform(ST_Point(r.x, r.y, 3857), 4326) AS geom) p
ORDER BY r.n DESC, r.id, lon, lat
