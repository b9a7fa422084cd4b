-- The published values of an actor that a contribution may change, for the moderator's diff
-- (never email nor phone); a hidden actor is read from actor_hidden.
SELECT r.name, r.type, NULL AS status, r.themes, r.description, NULL AS lessons_learned, NULL AS start_date,
       NULL AS end_date, r.website, r.address, r.postcode, ST_X(r.geom) AS lon, ST_Y(r.geom) AS lat, r.commune
FROM (SELECT name, type, themes, description, website, address, postcode, geom, commune FROM actor WHERE id = :id
      UNION ALL
      SELECT name, type, themes, description, website, address, postcode, geom, commune FROM actor_hidden WHERE id = :id) r
