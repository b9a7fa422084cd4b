-- The box of the region (the territories of kind `region`), for the bounds of the TileJSON
-- documents: where a GIS client looks for data. Null columns when no region is imported.
SELECT ST_XMin(e) AS min_lon, ST_YMin(e) AS min_lat, ST_XMax(e) AS max_lon, ST_YMax(e) AS max_lat
FROM (SELECT ST_Extent(geom) AS e FROM territory WHERE kind = 'region') s;
