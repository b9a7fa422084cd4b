-- The private address of an actor (initiatives have none), read by the writer only, to send the
-- claim's confirmation link to it. Never returned by any endpoint.
SELECT email FROM actor WHERE id = :id AND email IS NOT NULL AND email <> ''
