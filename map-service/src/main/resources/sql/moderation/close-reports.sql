-- The other pending reports of a record are settled by the same decision.
UPDATE contribution
SET status = :status, decided_by = :accountId, decided_at = now(), decision_reason = :reason, locked_by = NULL, locked_until = NULL
WHERE kind = 'report' AND record_kind = :recordKind AND record_id = :recordId AND status = 'pending' AND id <> :id
