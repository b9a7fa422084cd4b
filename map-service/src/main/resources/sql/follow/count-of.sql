-- How many subscriptions an address or an account holds (for atlas.follow.per-account-max).
SELECT count(*) FROM subscription
WHERE (:email::text IS NOT NULL AND email = :email) OR (:accountId::bigint IS NOT NULL AND account_id = :accountId)
