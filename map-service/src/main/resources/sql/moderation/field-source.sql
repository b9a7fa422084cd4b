-- A field whose value a moderator approved (or an owner wrote): imports no longer overwrite it.
INSERT INTO field_source (record_kind, record_id, field, value, contribution_id, approved_by, approved_at)
VALUES (:recordKind, :recordId, :field, CAST(:value AS jsonb), :contributionId, :approvedBy, now())
ON CONFLICT (record_kind, record_id, field) DO UPDATE
SET value = EXCLUDED.value, contribution_id = EXCLUDED.contribution_id, approved_by = EXCLUDED.approved_by,
    approved_at = EXCLUDED.approved_at, source_value = NULL
