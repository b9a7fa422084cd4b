-- The extent of every collection: the box around its geometries (ST_Extent reads each
-- geometry's cached box, so this stays cheap for large polygons) and, for actors and
-- initiatives, their first and last update, by kind of record (read through its public view) or
-- kind of territory. An empty table gives NULLs.
SELECT 'actor' AS source, ST_XMin(e.box) AS xmin, ST_YMin(e.box) AS ymin, ST_XMax(e.box) AS xmax,
       ST_YMax(e.box) AS ymax, e.first_update, e.last_update
FROM (SELECT ST_Extent(geom) AS box, min(updated_at) AS first_update, max(updated_at) AS last_update FROM actor_public) e
UNION ALL
SELECT 'initiative', ST_XMin(e.box), ST_YMin(e.box), ST_XMax(e.box), ST_YMax(e.box), e.first_update, e.last_update
FROM (SELECT ST_Extent(geom) AS box, min(updated_at) AS first_update, max(updated_at) AS last_update FROM initiative_public) e
UNION ALL
SELECT e.kind, ST_XMin(e.box), ST_YMin(e.box), ST_XMax(e.box), ST_YMax(e.box), NULL, NULL
FROM (SELECT kind, ST_Extent(geom) AS box FROM territory GROUP BY kind) e;
