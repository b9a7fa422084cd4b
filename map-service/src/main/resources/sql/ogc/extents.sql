-- The extent of the collection of each kind of territory: the box around its geometries
-- (ST_Extent reads each geometry's cached box, so this stays cheap for large polygons).
SELECT e.kind, ST_XMin(e.box) AS xmin, ST_YMin(e.box) AS ymin, ST_XMax(e.box) AS xmax, ST_YMax(e.box) AS ymax,
       NULL::timestamptz AS first_update, NULL::timestamptz AS last_update
FROM (SELECT kind, ST_Extent(geom) AS box FROM territory GROUP BY kind) e;
