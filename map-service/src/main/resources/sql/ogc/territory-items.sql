-- A page of the territories of one kind for OGC API Features, by code, after the first `offset`
-- rows, with their whole geometry as GeoJSON in the CRS asked for (transformed to :srid, axes swapped
-- for a latitude-first CRS, :decimals decimals, as in record/ogc-items.sql) and, for communes, the keys of the
-- territories they belong to. The geometries were generalised at import (64 vertices a commune
-- on average), so they are served as they are: simplifying each polygon on its own would open
-- gaps between neighbours.
SELECT t.code, t.name, t.category, t.population, t.vintage,
       c.departement, c.epci, c.petr, c.bassin_vie, c.postcodes,
       ST_AsGeoJSON(CASE WHEN :latFirst THEN ST_FlipCoordinates(ST_Transform(t.geom, :srid))
                         ELSE ST_Transform(t.geom, :srid) END, :decimals, 0) AS geojson
FROM territory t
LEFT JOIN commune c ON t.kind = 'commune' AND c.code = t.code
WHERE t.kind = :kind
  AND ${where}
ORDER BY t.code
LIMIT :limit OFFSET :offset;
