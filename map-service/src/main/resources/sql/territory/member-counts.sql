-- For each kind of :memberKinds, how many territories share communes with the territory.
WITH member AS (
  SELECT commune_code FROM territory_commune WHERE kind = :kind AND code = :code
  UNION ALL
  SELECT CAST(:code AS text) WHERE :kind = 'commune'
)
SELECT 'commune' AS kind, count(*) AS n FROM member WHERE :kind <> 'commune'
UNION ALL
SELECT tc.kind, count(DISTINCT tc.code)
FROM member JOIN territory_commune tc ON tc.commune_code = member.commune_code
WHERE tc.kind IN (:memberKinds) AND tc.kind <> 'commune'
GROUP BY tc.kind
