-- Records a decision on a pending item, unless another moderator holds its lock.
UPDATE contribution c
SET status = :status, decided_by = :accountId, decided_at = now(), decision_reason = :reason,
    record_id = coalesce(c.record_id, CAST(:recordId AS bigint)), locked_by = NULL, locked_until = NULL
WHERE c.id = :id AND c.status = 'pending'
  AND (c.locked_until IS NULL OR c.locked_until <= now() OR c.locked_by = :accountId)
RETURNING c.author_account_id, c.author_email
