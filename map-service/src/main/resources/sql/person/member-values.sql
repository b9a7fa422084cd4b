-- The values a person shows to signed-in members (read through the reader role: person_member is
-- granted to it; the service serves them only to a request with a session).
SELECT m.name, m.description, m.structure_name, m.website, m.address
FROM person_member m
JOIN person_public p ON p.id = m.person_id
WHERE m.person_id = :id
