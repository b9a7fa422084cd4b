-- The extent of the collection of one kind of record, from its public view: the box around its
-- points and its first and last update. An empty table gives NULLs.
--
-- The box is widened by 0.1° (about 10 km) on each side, within ±180° and ±90°: a client that
-- converts it to a projected CRS by its two corners (the OGC suite does, so do GIS clients) gets
-- a box whose edges bend away from the records lying on the tight box's edges (Lambert-93's
-- parallels are arcs), or cut them by a rounding error (Web Mercator); with the margin, the same
-- records answer a request with that box in any CRS.
SELECT GREATEST(ST_XMin(e.box) - 0.1, -180) AS xmin, GREATEST(ST_YMin(e.box) - 0.1, -90) AS ymin,
       LEAST(ST_XMax(e.box) + 0.1, 180) AS xmax, LEAST(ST_YMax(e.box) + 0.1, 90) AS ymax,
       e.first_update, e.last_update
FROM (SELECT ST_Extent(geom) AS box, min(updated_at) AS first_update, max(updated_at) AS last_update
      FROM ${view}) e;
