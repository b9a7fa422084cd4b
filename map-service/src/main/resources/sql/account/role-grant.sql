INSERT INTO account_role (account_id, role, territory_kind, territory_code, granted_by)
VALUES (:accountId, 'coordinator', :kind, :code, :grantedBy)
ON CONFLICT DO NOTHING
RETURNING id
