-- Territories of :memberKind sharing communes with the territory, by name, with how many of
-- their communes it holds and how many they have in all.
WITH member AS (
  SELECT commune_code FROM territory_commune WHERE kind = :kind AND code = :code
  UNION ALL
  SELECT CAST(:code AS text) WHERE :kind = 'commune'
), shared AS (
  SELECT tc.code, count(*) AS shared_communes
  FROM member JOIN territory_commune tc ON tc.commune_code = member.commune_code AND tc.kind = :memberKind
  GROUP BY tc.code
)
SELECT t.kind, t.code, t.name, t.population, s.shared_communes,
       (SELECT count(*) FROM territory_commune a WHERE a.kind = t.kind AND a.code = t.code) AS communes
FROM shared s JOIN territory t ON t.kind = :memberKind AND t.code = s.code
ORDER BY t.name, t.code
