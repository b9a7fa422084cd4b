-- A resource person as a rights request sees it: the public name (a generic label when the name is
-- not public), the keys, the private address of person_private (writer only, never returned). A
-- resource person is only a person: erasing it deletes the record.
SELECT p.name, p.commune, p.epci, p.petr, p.bassin_vie, p.departement, p.region, pp.email AS private_email, true AS only_person
FROM person p LEFT JOIN person_private pp ON pp.person_id = p.id WHERE p.id = :id
UNION ALL
SELECT h.name, h.commune, h.epci, h.petr, h.bassin_vie, h.departement, h.region, pp.email, true
FROM person_hidden h LEFT JOIN person_private pp ON pp.person_id = h.id WHERE h.id = :id
