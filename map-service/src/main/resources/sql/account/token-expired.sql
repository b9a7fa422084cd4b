-- Forgets the tokens whose link has expired (run with each request for a link).
DELETE FROM signin_token WHERE expires_at < now()
