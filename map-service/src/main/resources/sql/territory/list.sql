-- Territories of a kind (or all), the most populated first: the search without a query.
SELECT t.kind, t.code, t.name, c.departement, t.population, 1.0 AS score, 'all' AS match
FROM territory t
JOIN territory_kind k ON k.kind = t.kind
LEFT JOIN commune c ON t.kind = 'commune' AND c.code = t.code
WHERE CAST(:kind AS text) IS NULL OR t.kind = :kind
ORDER BY k.rank, t.population DESC NULLS LAST, t.name, t.code
LIMIT :limit OFFSET :offset
