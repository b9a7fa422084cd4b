-- The double opt-in: a live token activates its subscription once (the token is spent).
UPDATE subscription
SET status = 'active', confirmed_at = now(), confirm_token_hash = NULL, confirm_expires_at = NULL
WHERE confirm_token_hash = :hash AND status = 'unconfirmed' AND confirm_expires_at > now()
RETURNING id, email
