-- The bounding box of the region's communes, which coordinates are checked against: a pair
-- outside it that falls inside once swapped is swapped. A null box when no commune is imported.
SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
FROM (SELECT ST_Extent(geom) AS e FROM territory WHERE kind = 'commune') x;
