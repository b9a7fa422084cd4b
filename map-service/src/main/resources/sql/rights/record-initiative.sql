-- An initiative as a rights request sees it: it has no private address and is never only a person.
SELECT i.name, i.commune, i.epci, i.petr, i.bassin_vie, i.departement, i.region, NULL AS private_email, false AS only_person
FROM initiative i WHERE i.id = :id
UNION ALL
SELECT h.name, h.commune, h.epci, h.petr, h.bassin_vie, h.departement, h.region, NULL, false
FROM initiative_hidden h WHERE h.id = :id
