-- The clusters of a grid window computed from the records matching a filter, as map_cell
-- stores them for all records (cells-stored.sql): a record is in the cell of its geom_3857.
-- The window's cells are kept after grouping (OFFSET 0 keeps the filter there): filtering the
-- records on their computed cell would hide their number from the planner, which then sorts
-- thousands of rows it believes to be one instead of hashing them.
SELECT c.*
FROM (
  SELECT g.gx, g.gy, count(*)::integer AS n, sum(g.x) / count(*) AS x, sum(g.y) / count(*) AS y,
         CASE WHEN count(*) = 1 THEN min(g.id) END AS id, CASE WHEN count(*) = 1 THEN min(g.name) END AS name,
         CASE WHEN count(*) = 1 THEN min(g.kind) END AS kind, NULL::text[] AS themes
  FROM (
    SELECT r.id, r.name, r.${kind} AS kind, ST_X(r.geom_3857) AS x, ST_Y(r.geom_3857) AS y,
           map_grid(ST_X(r.geom_3857), :z) AS gx, map_grid(-ST_Y(r.geom_3857), :z) AS gy
    FROM ${view} r
    WHERE r.geom && ST_Transform(ST_MakeEnvelope(:minX, :minY, :maxX, :maxY, 3857), 4326)
      AND ${where}
  ) g
  GROUP BY g.gx, g.gy
  OFFSET 0
) c
WHERE c.gx BETWEEN :minGx AND :maxGx AND c.gy BETWEEN :minGy AND :maxGy
