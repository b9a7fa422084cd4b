-- The raw SQL baseline of /api/events.ics in ./atlas bench api (AgirCases): the events of a filter
-- that a calendar application subscribes to, with what a VEVENT carries, read from the public view
-- in date order. The feed's own window is assumed here: events ending from :since on (30 days
-- back) and at most :limit of them; the "matched" column of the case shows how many events the
-- feed served, to compare with the rows printed below the table.
SELECT r.id, r.uid, r.name, r.description, r.status, r.event_type, r.themes, r.starts_at, r.ends_at, r.all_day,
       r.place_name, r.address, r.postcode, r.online_url, r.website, r.created_at, r.updated_at,
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat
FROM event_public r
WHERE ${where}
  AND r.ends_at >= :since
ORDER BY r.starts_at, r.id
LIMIT :limit;
