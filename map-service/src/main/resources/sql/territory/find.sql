-- One territory with its extent and, when asked, its geometry as GeoJSON (6 decimals),
-- simplified by :simplify metres in the region's metric projection when :simplify > 0.
SELECT t.kind, t.code, t.name, k.label, t.category, t.population, t.vintage, t.source,
       t.geom IS NOT NULL AS has_geometry,
       ST_XMin(t.geom) AS xmin, ST_YMin(t.geom) AS ymin, ST_XMax(t.geom) AS xmax, ST_YMax(t.geom) AS ymax,
       CASE WHEN :withGeometry AND t.geom IS NOT NULL THEN
         ST_AsGeoJSON(CASE WHEN :simplify > 0
                           THEN ST_Transform(ST_SimplifyPreserveTopology(ST_Transform(t.geom, :srid), :simplify), 4326)
                           ELSE t.geom END, 6)
       END AS geojson,
       c.postcodes
FROM territory t
JOIN territory_kind k ON k.kind = t.kind
LEFT JOIN commune c ON t.kind = 'commune' AND c.code = t.code
WHERE t.kind = :kind AND t.code = :code
