-- The territories of :parentKinds that contain every commune of the territory, smallest first
-- (for a QPV, its commune when it lies in a single one).
WITH member AS (
  SELECT commune_code FROM territory_commune WHERE kind = :kind AND code = :code
  UNION ALL
  SELECT CAST(:code AS text) WHERE :kind = 'commune'
), candidate AS (
  SELECT tc.kind, tc.code FROM member JOIN territory_commune tc ON tc.commune_code = member.commune_code
  UNION ALL
  SELECT 'commune', member.commune_code FROM member
)
SELECT t.kind, t.code, t.name
FROM candidate JOIN territory t ON t.kind = candidate.kind AND t.code = candidate.code
JOIN territory_kind k ON k.kind = t.kind
WHERE t.kind IN (:parentKinds) AND NOT (t.kind = :kind AND t.code = :code)
GROUP BY t.kind, t.code, t.name, k.rank
HAVING count(*) = (SELECT count(*) FROM member)
ORDER BY k.rank, t.code
