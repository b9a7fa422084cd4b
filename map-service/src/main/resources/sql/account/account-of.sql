-- The account of an address, created (never seen yet) when an admin names a person who has not
-- signed in: their role waits for their first sign-in.
INSERT INTO account (email) VALUES (:email)
ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
RETURNING id
