-- The events of a calendar feed (GET /api/events.ics), from the public view: the filter's WHERE
-- clause (FilterSql, alias r) and the organiser's (or TRUE), by start then id, at most :limit.
-- external_id: an imported occurrence's own UID (UID#START). CATEGORIES: the event type's label, then the themes' labels.
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
WHERE ${where}
  AND ${organiser}
ORDER BY r.starts_at, r.id
LIMIT :limit;
