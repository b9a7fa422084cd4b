-- A new subscription: unconfirmed with its hashed token (anonymous), or active at once (account).
INSERT INTO subscription (territory_kind, territory_code, themes, frequency, email, account_id, status,
                          confirm_token_hash, confirm_expires_at, confirmed_at)
VALUES (:territoryKind, :territoryCode, CAST(:themes AS text[]), :frequency, :email, :accountId, :status,
        :confirmHash, CASE WHEN :confirmHash::text IS NULL THEN NULL ELSE now() + make_interval(hours => :confirmHours) END,
        CASE WHEN :status = 'active' THEN now() END)
RETURNING id
