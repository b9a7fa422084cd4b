INSERT INTO audit_entry (account_id, action, record_kind, record_id, contribution_id, reason, details)
VALUES (:accountId, :action, :recordKind, :recordId, :contributionId, :reason, CAST(:details AS jsonb))
