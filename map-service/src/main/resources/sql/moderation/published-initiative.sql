-- The published values of an initiative that a contribution may change, for the moderator's diff;
-- a hidden initiative is read from initiative_hidden.
SELECT r.name, NULL AS type, r.status, r.themes, r.description, r.lessons_learned, CAST(r.start_date AS text) AS start_date,
       CAST(r.end_date AS text) AS end_date, r.website, r.address, r.postcode, ST_X(r.geom) AS lon, ST_Y(r.geom) AS lat, r.commune
FROM (SELECT name, status, themes, description, lessons_learned, start_date, end_date, website, address, postcode, geom, commune
      FROM initiative WHERE id = :id
      UNION ALL
      SELECT name, status, themes, description, lessons_learned, start_date, end_date, website, address, postcode, geom, commune
      FROM initiative_hidden WHERE id = :id) r
