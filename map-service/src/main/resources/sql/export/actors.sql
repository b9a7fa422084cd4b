-- Every actor matching a filter, in the filter's order, for an export: the public fields of the
-- list plus the address, postcode, SIREN and RNA. Email and phone are not selected: they are
-- private. No page and no cursor: the rows are read through a cursor as the file is written.
SELECT ${sortKey} AS sort_key, r.id, r.name, r.type, t.label AS type_label, r.themes, r.description,
       r.address, r.postcode, r.website, r.siren, r.rna, r.precision, r.commune, c.name AS commune_name,
       r.epci, r.departement, r.updated_at,
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat,
       ARRAY(SELECT v.source FROM actor_provenance v WHERE v.actor_id = r.id ORDER BY v.source) AS sources
FROM actor r
JOIN actor_type t ON t.code = r.type
LEFT JOIN commune c ON c.code = r.commune
WHERE ${where}
ORDER BY ${order};
