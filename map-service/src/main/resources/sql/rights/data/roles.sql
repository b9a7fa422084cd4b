-- The roles the account holds.
SELECT role, territory_kind, territory_code, granted_at FROM account_role WHERE account_id = :id ORDER BY granted_at, id
