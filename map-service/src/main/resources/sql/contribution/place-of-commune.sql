-- A commune of the region by its INSEE code: its territory keys and the point a record placed
-- "at the commune" takes (its label point, as the importers place them). No row: not a commune of
-- the region, or one without a point.
SELECT c.code AS commune, c.epci, c.petr, c.bassin_vie, c.departement, c.region,
       ST_X(t.label_point) AS lon, ST_Y(t.label_point) AS lat, 'commune' AS precision
FROM commune c
JOIN territory t ON t.kind = 'commune' AND t.code = c.code
WHERE c.code = :commune AND t.label_point IS NOT NULL
