-- One event for "Ajouter à mon agenda" (GET /api/events/{id}.ics), as feed.sql reads them.
SELECT r.id, r.uid, r.name, r.description, r.starts_at, r.ends_at, r.all_day, r.status, r.place_name, r.address,
       r.postcode, r.online_url, r.website, r.updated_at, r.created_at, r.precision::text AS precision,
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat,
       c.name AS commune_name,
       (SELECT p.external_id FROM event_provenance p WHERE p.event_id = r.id ORDER BY p.source, p.external_id LIMIT 1)
         AS external_id,
       ARRAY[et.label] || coalesce((SELECT array_agg(t.label ORDER BY t.label) FROM theme t WHERE t.code = ANY (r.themes)),
                                   '{}') AS categories
FROM event_public r
JOIN event_type et ON et.code = r.event_type
LEFT JOIN territory c ON c.kind = 'commune' AND c.code = r.commune
WHERE r.id = :id;
