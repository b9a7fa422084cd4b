-- The account of an address, created when its first sign-in link is used; a later sign-in
-- only notes when it was seen.
INSERT INTO account (email, last_seen_at)
VALUES (:email, now())
ON CONFLICT (email) DO UPDATE SET last_seen_at = now()
RETURNING id
