-- The clusters of a grid window read from the stored cells (V5, map_cell): every record of the
-- table, at a zoom up to map_cell_max_zoom(). One row per non-empty cell: its centre (x, y, the
-- mean of its records in Web Mercator), count n, and for a single record its id, name and kind.
SELECT c.gx, c.gy, c.n, c.sx / c.n AS x, c.sy / c.n AS y, c.id, c.name, c.kind, NULL::text[] AS themes
FROM map_cell c
WHERE c.dataset = :dataset AND c.z = :z
  AND (c.gx >> 6) IN (:tileColumns) AND (c.gy >> 6) IN (:tileRows)
  AND c.gx BETWEEN :minGx AND :maxGx AND c.gy BETWEEN :minGy AND :maxGy
