-- One actor with every public field. Email and phone are not selected: they are private.
SELECT r.id, r.name, r.type, t.label AS type_label, r.themes, r.description, r.address, r.postcode,
       r.website, r.siren, r.rna, r.precision, r.territory_kind, r.territory_code, r.out_of_region,
       r.created_at, r.updated_at,
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat
FROM actor r
JOIN actor_type t ON t.code = r.type
WHERE r.id = :id;
