-- A page of actors for OGC API Features, by id, after the first `offset` rows. The page's ids
-- are chosen first; the joins and the sources list then run for those rows only. Public fields
-- only: email and phone never leave the database here.
WITH page AS (
  SELECT r.id
  FROM actor r
  WHERE ${where}
  ORDER BY r.id
  LIMIT :limit OFFSET :offset
)
SELECT r.id, r.name, r.type, t.label AS type_label, r.themes, r.description, r.website, r.precision,
       r.commune, c.name AS commune_name, r.epci, r.petr, r.bassin_vie, r.departement, r.region, r.updated_at,
       ST_AsGeoJSON(r.geom, 6) AS geojson,
       ARRAY(SELECT v.source FROM actor_provenance v WHERE v.actor_id = r.id ORDER BY v.source) AS sources
FROM page p
JOIN actor r ON r.id = p.id
JOIN actor_type t ON t.code = r.type
LEFT JOIN commune c ON c.code = r.commune
ORDER BY r.id;
