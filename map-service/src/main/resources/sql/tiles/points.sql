-- The records matching a filter in a grid window, one row each (the zooms that do not cluster),
-- in the shape of the cell queries: n = 1, with the record's themes.
SELECT NULL::integer AS gx, NULL::integer AS gy, 1 AS n, ST_X(r.geom_3857) AS x, ST_Y(r.geom_3857) AS y,
       r.id, r.name, r.${kind} AS kind, r.themes
FROM ${view} r
WHERE r.geom && ST_Transform(ST_MakeEnvelope(:minX, :minY, :maxX, :maxY, 3857), 4326)
  AND ${where}
