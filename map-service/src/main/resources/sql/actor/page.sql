-- One page of actors matching a filter, in the filter's order, after the cursor. The page's ids
-- are chosen first; the joins and the sources list then run for those rows only. Public fields
-- only: email and phone never leave the database here.
WITH page AS (
  SELECT r.id, ${sortKey} AS sort_key
  FROM actor r
  WHERE ${where}
    AND ${after}
  ORDER BY ${order}
  LIMIT :limit
)
SELECT p.sort_key, r.id, r.name, r.type, t.label AS type_label, r.themes, r.description, r.website,
       r.precision, r.commune, c.name AS commune_name, r.epci, r.departement, r.updated_at,
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat,
       ARRAY(SELECT v.source FROM actor_provenance v WHERE v.actor_id = r.id ORDER BY v.source) AS sources
FROM page p
JOIN actor r ON r.id = p.id
JOIN actor_type t ON t.code = r.type
LEFT JOIN commune c ON c.code = r.commune
ORDER BY ${pageOrder};
