-- The territory keys of a published record (or of one hidden while its reports are decided),
-- and its name, read by the writer (the table, not the public view). ${table} is a constant.
SELECT r.commune, r.epci, r.petr, r.bassin_vie, r.departement, r.region, r.name, false AS hidden
FROM ${table} r WHERE r.id = :id
UNION ALL
SELECT h.commune, h.epci, h.petr, h.bassin_vie, h.departement, h.region, h.name, true AS hidden
FROM ${table}_hidden h WHERE h.id = :id
