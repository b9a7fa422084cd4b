DELETE FROM account_role WHERE id = :id AND role = 'coordinator'
RETURNING account_id, territory_kind, territory_code
