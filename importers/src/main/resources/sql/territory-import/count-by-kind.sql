-- Territories per kind, in the kinds' order, with how many have a geometry.
SELECT k.kind, count(t.code) AS total, count(t.geom) AS with_geometry
FROM territory_kind k LEFT JOIN territory t ON t.kind = k.kind
GROUP BY k.kind, k.rank
ORDER BY k.rank
