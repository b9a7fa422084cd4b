SELECT r.id, r.account_id, a.email, a.display_name, r.territory_kind, r.territory_code, t.name AS territory_name, r.granted_at
FROM account_role r
JOIN account a ON a.id = r.account_id
LEFT JOIN territory t ON t.kind = r.territory_kind AND t.code = r.territory_code
WHERE r.id = :id AND r.role = 'coordinator'
