-- The extent of the collection of one kind of record, from its public view: the box around its
-- points and its first and last update. An empty table gives NULLs.
SELECT ST_XMin(e.box) AS xmin, ST_YMin(e.box) AS ymin, ST_XMax(e.box) AS xmax, ST_YMax(e.box) AS ymax,
       e.first_update, e.last_update
FROM (SELECT ST_Extent(geom) AS box, min(updated_at) AS first_update, max(updated_at) AS last_update
      FROM ${view}) e;
