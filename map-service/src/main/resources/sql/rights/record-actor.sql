-- An actor as a rights request sees it (published, or hidden while its reports are decided): its
-- name, territory keys, private address (read by the writer only, to send the verification link
-- there; never returned), and whether it is only a person (erasing it deletes it).
SELECT a.name, a.commune, a.epci, a.petr, a.bassin_vie, a.departement, a.region, nullif(a.email, '') AS private_email,
       actor_is_person(a) AS only_person
FROM actor a WHERE a.id = :id
UNION ALL
SELECT h.name, h.commune, h.epci, h.petr, h.bassin_vie, h.departement, h.region, nullif(h.email, ''),
       h.type = 'elu' OR coalesce((to_jsonb(h) ->> 'natural_person')::boolean, false)
FROM actor_hidden h WHERE h.id = :id
