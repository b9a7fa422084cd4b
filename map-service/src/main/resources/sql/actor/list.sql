-- Published actors in a territory (a key lookup through the commune keys), with a theme and a
-- type when given, by name. Public fields only: email and phone never leave the database here.
SELECT a.id, a.name, a.type, t.label AS type_label, a.themes, a.description, a.website, a.precision,
       a.commune, c.name AS commune_name, a.epci, a.departement,
       ST_AsGeoJSON(a.geom, 6) AS geometry,
       ARRAY(SELECT p.source FROM actor_provenance p WHERE p.actor_id = a.id ORDER BY p.source) AS sources
FROM actor a
JOIN actor_type t ON t.code = a.type
LEFT JOIN commune c ON c.code = a.commune
WHERE (CAST(:kind AS text) IS NULL
       OR a.commune IN (SELECT tc.commune_code FROM territory_commune tc WHERE tc.kind = :kind AND tc.code = :code)
       OR (:kind = 'commune' AND a.commune = :code))
  AND (CAST(:theme AS text) IS NULL OR a.themes @> ARRAY[CAST(:theme AS text)])
  AND (CAST(:type AS text) IS NULL OR a.type = :type)
  AND a.id > :after
ORDER BY a.id
LIMIT :limit;
