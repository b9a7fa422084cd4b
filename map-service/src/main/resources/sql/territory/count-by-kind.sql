-- Territories loaded per kind (health check).
SELECT k.kind, count(t.code) AS n
FROM territory_kind k LEFT JOIN territory t ON t.kind = k.kind
GROUP BY k.kind, k.rank
ORDER BY k.rank
