-- The territories a record covers (resource persons, needs and offers: ${perimeter}), with their
-- names: smallest kind first, then by name.
SELECT t.kind, t.code, t.name
FROM ${perimeter} pp
JOIN territory t ON t.kind = pp.territory_kind AND t.code = pp.territory_code
JOIN territory_kind k ON k.kind = t.kind
WHERE pp.${perimeterKey} = :id
ORDER BY k.rank, t.name, t.code;
