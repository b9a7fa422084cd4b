-- The territories a resource person covers (person_perimeter), with their names: smallest kind
-- first, then by name.
SELECT t.kind, t.code, t.name
FROM person_perimeter pp
JOIN territory t ON t.kind = pp.territory_kind AND t.code = pp.territory_code
JOIN territory_kind k ON k.kind = t.kind
WHERE pp.person_id = :id
ORDER BY k.rank, t.name, t.code;
