-- Uses a token: the row goes whatever happens next, so a token signs in once at most, even
-- when two requests bring it at the same moment (one of them deletes nothing).
DELETE FROM signin_token WHERE token_hash = :hash RETURNING email, expires_at
