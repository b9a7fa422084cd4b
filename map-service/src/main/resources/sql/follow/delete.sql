-- Ends a subscription (its address goes with the row; the unsubscribe tokens cascade) and dates
-- its consent withdrawn. :accountId NULL: any subscription (a mailed link), else the account's own.
WITH gone AS (
  DELETE FROM subscription
  WHERE id = :id AND (:accountId::bigint IS NULL OR account_id = :accountId)
  RETURNING id
), withdrawn AS (
  UPDATE subscription_consent SET withdrawn_at = now()
  WHERE subscription_id IN (SELECT id FROM gone) AND withdrawn_at IS NULL
)
SELECT id FROM gone
