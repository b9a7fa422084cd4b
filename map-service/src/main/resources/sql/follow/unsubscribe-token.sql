-- The subscription a digest's unsubscribe token belongs to.
SELECT subscription_id FROM subscription_unsubscribe WHERE token_hash = :hash
