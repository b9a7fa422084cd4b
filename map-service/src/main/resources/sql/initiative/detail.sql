-- One initiative with every public field.
SELECT r.id, r.name, r.status, s.label AS status_label, r.themes, r.description, r.lessons_learned,
       r.start_date, r.end_date, r.address, r.postcode, r.website, r.precision, r.territory_kind,
       r.territory_code, r.out_of_region, r.created_at, r.updated_at,
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat
FROM initiative r
JOIN initiative_status s ON s.code = r.status
WHERE r.id = :id;
