-- A page of initiatives for OGC API Features, by id, after the first `offset` rows (see
-- actor-items.sql). `carriers` counts the actors that carry each one.
WITH page AS (
  SELECT r.id
  FROM initiative r
  WHERE ${where}
  ORDER BY r.id
  LIMIT :limit OFFSET :offset
)
SELECT r.id, r.name, r.status, s.label AS status_label, r.themes, r.description, r.lessons_learned,
       r.start_date, r.end_date, r.website, r.precision, r.commune, c.name AS commune_name, r.epci, r.petr,
       r.bassin_vie, r.departement, r.region, r.updated_at,
       ST_AsGeoJSON(r.geom, 6) AS geojson,
       (SELECT count(*) FROM initiative_actor ia WHERE ia.initiative_id = r.id) AS carriers,
       ARRAY(SELECT v.source FROM initiative_provenance v WHERE v.initiative_id = r.id ORDER BY v.source) AS sources
FROM page p
JOIN initiative r ON r.id = p.id
JOIN initiative_status s ON s.code = r.status
LEFT JOIN commune c ON c.code = r.commune
ORDER BY r.id;
