-- A sign-in link's token, by its SHA-256 only.
INSERT INTO signin_token (token_hash, email, expires_at) VALUES (:hash, :email, :expiresAt)
