-- The relay's recipient when it is an actor: its public name, and its private address only when
-- it takes messages (actor.contactable, V18). Read by the writer only; the address goes to the
-- mail server and nowhere else (no response, page or log line).
SELECT name, CASE WHEN contactable THEN email END AS email FROM actor WHERE id = :id
