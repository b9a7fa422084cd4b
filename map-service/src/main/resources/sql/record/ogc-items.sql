-- A page of the records of a kind for OGC API Features (RecordKind, shape OGC), by id, after the
-- first `offset` rows, from the kind's public view. The page's ids are chosen first; the joins and
-- subqueries then run for those rows only. The geometry is GeoJSON text with 6 decimals.
WITH page AS (
  SELECT r.id
  FROM ${view} r
  WHERE ${where}
  ORDER BY r.id
  LIMIT :limit OFFSET :offset
)
SELECT r.id, ${columns},
       ST_AsGeoJSON(r.geom, 6) AS geojson
FROM page p
JOIN ${view} r ON r.id = p.id
${joins}
ORDER BY r.id;
