-- A page of the records of a kind for OGC API Features (RecordKind, shape OGC), by id, after the
-- first `offset` rows, from the kind's public view. The page's ids are chosen first; the joins and
-- subqueries then run for those rows only. The geometry is GeoJSON text in the CRS asked for
-- (OGC API Features Part 2): transformed by PostGIS from the stored CRS84 to :srid, its axes
-- swapped when that CRS puts latitude first (EPSG:4326), with :decimals decimals and no "crs"
-- member (options 0: the response names its CRS in a header).
WITH page AS (
  SELECT r.id
  FROM ${view} r
  WHERE ${where}
  ORDER BY r.id
  LIMIT :limit OFFSET :offset
)
SELECT r.id, ${columns},
       ST_AsGeoJSON(CASE WHEN :latFirst THEN ST_FlipCoordinates(ST_Transform(r.geom, :srid))
                         ELSE ST_Transform(r.geom, :srid) END, :decimals, 0) AS geojson
FROM page p
JOIN ${view} r ON r.id = p.id
${joins}
ORDER BY r.id;
