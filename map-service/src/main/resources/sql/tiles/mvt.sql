-- One layer of a Mapbox Vector Tile from the rows of a cell or point query (cells-*.sql,
-- points.sql). Features are points (a cluster at the mean of its records) with `count`; a single
-- record also has its id (as the feature id too), name, type or status, and at the zooms that do
-- not cluster its themes (comma-separated). Rows outside the tile and its buffer are left out by
-- ST_AsMVTGeom.
SELECT ST_AsMVT(t, :layer, 4096, 'geom', 'fid')
FROM (
  SELECT ST_AsMVTGeom(ST_Point(r.x, r.y, 3857), ST_TileEnvelope(:z, :x, :y), 4096, 256, true) AS geom,
         r.id AS fid, r.n AS count, r.id, r.name, r.kind AS ${kind}, array_to_string(r.themes, ',') AS themes
  FROM (${rows}) r
) t
