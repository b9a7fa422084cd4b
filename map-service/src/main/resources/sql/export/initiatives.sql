-- Every initiative matching a filter, in the filter's order, for an export: the public fields of
-- the list (lessons learned and dates included) plus the address and postcode (see actors.sql).
SELECT ${sortKey} AS sort_key, r.id, r.name, r.status, s.label AS status_label, r.themes, r.description,
       r.lessons_learned, r.start_date, r.end_date, r.address, r.postcode, r.website, r.precision, r.commune,
       c.name AS commune_name, r.epci, r.departement, r.updated_at,
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat,
       (SELECT count(*) FROM initiative_actor ia WHERE ia.initiative_id = r.id) AS carriers,
       ARRAY(SELECT v.source FROM initiative_provenance v WHERE v.initiative_id = r.id ORDER BY v.source) AS sources
FROM initiative r
JOIN initiative_status s ON s.code = r.status
LEFT JOIN commune c ON c.code = r.commune
WHERE ${where}
ORDER BY ${order};
