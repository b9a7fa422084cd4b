-- The hash of the unsubscribe token a digest carries, stored before the mail leaves.
INSERT INTO subscription_unsubscribe (token_hash, subscription_id) VALUES (:hash, :id)
