-- Takes (or renews) the lock of a pending item for a moderator, unless another holds it.
UPDATE contribution c
SET locked_by = :accountId, locked_until = now() + make_interval(mins => :minutes)
WHERE c.id = :id AND c.status = 'pending'
  AND (c.locked_until IS NULL OR c.locked_until <= now() OR c.locked_by = :accountId)
RETURNING locked_until
