SELECT id FROM account_role
WHERE account_id = :accountId AND role = 'coordinator' AND territory_kind = :kind AND territory_code = :code
