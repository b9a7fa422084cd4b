-- Anonymous subscriptions never confirmed: gone once their link expired (the address with them).
WITH gone AS (
  DELETE FROM subscription WHERE status = 'unconfirmed' AND confirm_expires_at <= now() RETURNING id
)
UPDATE subscription_consent SET withdrawn_at = now()
WHERE subscription_id IN (SELECT id FROM gone) AND withdrawn_at IS NULL
