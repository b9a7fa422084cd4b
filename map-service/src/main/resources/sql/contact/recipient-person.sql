-- The relay's recipient when it is a resource person (V17): the public name, and the private
-- address (person_private) only while the person keeps the relay on. Read by the writer only.
SELECT p.name, CASE WHEN p.relay_enabled THEN pp.email END AS email
FROM person p LEFT JOIN person_private pp ON pp.person_id = p.id
WHERE p.id = :id
