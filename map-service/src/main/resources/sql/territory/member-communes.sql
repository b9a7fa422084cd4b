-- The communes of a territory, by name.
SELECT 'commune' AS kind, c.code, c.name, c.population, 1 AS shared_communes, 1 AS communes
FROM territory_commune tc JOIN commune c ON c.code = tc.commune_code
WHERE tc.kind = :kind AND tc.code = :code
ORDER BY c.name, c.code
