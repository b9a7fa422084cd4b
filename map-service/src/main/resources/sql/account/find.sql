-- One account with its roles: admin (a row without territory) and the territories it
-- coordinates, as parallel arrays of kinds and codes.
SELECT a.id, a.email, a.display_name,
       bool_or(r.role = 'admin') IS TRUE AS admin,
       coalesce(array_agg(r.territory_kind ORDER BY r.territory_kind, r.territory_code) FILTER (WHERE r.role = 'coordinator'), '{}') AS kinds,
       coalesce(array_agg(r.territory_code ORDER BY r.territory_kind, r.territory_code) FILTER (WHERE r.role = 'coordinator'), '{}') AS codes
FROM account a
LEFT JOIN account_role r ON r.account_id = a.id
WHERE a.id = :id
GROUP BY a.id
