-- Every territory of a kind with its display geometry (simplified once per territory import, V4),
-- for a map that draws them all at once: the EPCI outlines of the web map's base.
SELECT t.kind, t.code, t.name, ST_AsGeoJSON(d.geom, 5) AS geometry
FROM territory t
JOIN territory_display d ON d.kind = t.kind AND d.code = t.code
WHERE t.kind = :kind
ORDER BY t.code
