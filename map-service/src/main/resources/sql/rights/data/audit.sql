-- The audit entries of the account's own actions.
SELECT at, action, record_kind, record_id, contribution_id, reason, CAST(details AS text) AS details
FROM audit_entry WHERE account_id = :id ORDER BY at, id
