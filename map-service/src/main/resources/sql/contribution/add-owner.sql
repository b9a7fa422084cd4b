INSERT INTO record_owner (record_kind, record_id, account_id, contribution_id)
VALUES (:recordKind, :recordId, :accountId, :contributionId)
ON CONFLICT DO NOTHING
