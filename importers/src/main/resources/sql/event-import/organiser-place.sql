-- Before locating: an event with no GEO, no postcode and no known commune name in its LOCATION is
-- placed at its organiser's point, when the organiser's name (ORGANIZER;CN=) names one actor.
UPDATE stage_record s
SET lon = ST_X(a.geom), lat = ST_Y(a.geom), commune_name = NULL, commune_name_search = NULL
FROM stage_event e
CROSS JOIN LATERAL (
  SELECT min(a.id) AS id, count(*) AS n FROM actor a WHERE a.name_search = e.organiser_search
) m
JOIN actor a ON a.id = m.id
WHERE e.line = s.line AND m.n = 1 AND s.reject IS NULL AND s.lon IS NULL AND s.postcode IS NULL
  AND NOT EXISTS (SELECT FROM territory t WHERE t.kind = 'commune' AND t.name_search = s.commune_name_search)
  AND NOT EXISTS (SELECT FROM commune_alias c WHERE c.name_search = s.commune_name_search);
