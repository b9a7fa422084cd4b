-- Publishes the located events of an iCalendar import (after locate.sql): upserts on the source's
-- external id (the UID, with '#' and the occurrence's start for a recurring event), never deletes.
-- A field a human approved (field_source, under the names of the events' proposals) is kept.
-- Settings: atlas.import.source, atlas.import.run, atlas.import.partial.

-- The rows the suppression list names (source and external id) are left out.
DELETE FROM stage_located l
WHERE EXISTS (SELECT FROM suppression x WHERE x.record_kind = 'event' AND x.source = current_setting('atlas.import.source')
                                          AND x.external_id = l.external_id);

CREATE TEMP TABLE stage_event_target ON COMMIT DROP AS
SELECT l.line, p.event_id AS id, p.event_id IS NOT NULL AS known,
       p.event_id IS NULL OR p.content_hash IS DISTINCT FROM l.content_hash AS changed
FROM stage_located l
LEFT JOIN event_provenance p ON p.source = current_setting('atlas.import.source') AND p.external_id = l.external_id;

UPDATE stage_event_target SET id = nextval(pg_get_serial_sequence('event', 'id')) WHERE id IS NULL;

CREATE UNIQUE INDEX ON stage_event_target (line);

ANALYZE stage_event_target;

INSERT INTO event (id, name, name_search, event_type, status, themes, description, starts_at, ends_at, all_day,
                   place_name, online_url, uid, website, address, postcode, geom, precision, territory_kind,
                   territory_code, commune, epci, petr, bassin_vie, departement, region, out_of_region)
SELECT t.id, l.name, l.name_search, l.type, e.status, l.themes, l.description, e.starts_at, e.ends_at, e.all_day,
       e.place_name, e.online_url, e.uid, l.website, l.address, l.postcode, l.geom, l.precision::location_precision,
       l.territory_kind, l.territory_code, l.commune, l.epci, l.petr, l.bassin_vie, l.departement, l.region,
       l.out_of_region
FROM stage_event_target t
JOIN stage_located l ON l.line = t.line
JOIN stage_event e ON e.line = t.line
WHERE NOT t.known;

-- A changed event: every field from the source, but those a human approved.
UPDATE event r
SET name = CASE WHEN 'name' = ANY (k.kept) THEN r.name ELSE l.name END,
    name_search = CASE WHEN 'name' = ANY (k.kept) THEN r.name_search ELSE l.name_search END,
    event_type = CASE WHEN 'eventType' = ANY (k.kept) THEN r.event_type ELSE l.type END,
    status = CASE WHEN 'status' = ANY (k.kept) THEN r.status ELSE e.status END,
    themes = CASE WHEN 'themes' = ANY (k.kept) THEN r.themes ELSE l.themes END,
    description = CASE WHEN 'description' = ANY (k.kept) THEN r.description ELSE l.description END,
    starts_at = CASE WHEN k.kept && '{startsAt,endsAt,allDay}' THEN r.starts_at ELSE e.starts_at END,
    ends_at = CASE WHEN k.kept && '{startsAt,endsAt,allDay}' THEN r.ends_at ELSE e.ends_at END,
    all_day = CASE WHEN k.kept && '{startsAt,endsAt,allDay}' THEN r.all_day ELSE e.all_day END,
    place_name = CASE WHEN 'placeName' = ANY (k.kept) THEN r.place_name ELSE e.place_name END,
    online_url = CASE WHEN 'onlineUrl' = ANY (k.kept) THEN r.online_url ELSE e.online_url END,
    uid = e.uid,
    website = CASE WHEN 'website' = ANY (k.kept) THEN r.website ELSE l.website END,
    address = CASE WHEN 'address' = ANY (k.kept) THEN r.address ELSE l.address END,
    postcode = CASE WHEN 'address' = ANY (k.kept) THEN r.postcode ELSE l.postcode END,
    geom = CASE WHEN 'place' = ANY (k.kept) THEN r.geom ELSE l.geom END,
    precision = CASE WHEN 'place' = ANY (k.kept) THEN r.precision ELSE l.precision::location_precision END,
    territory_kind = CASE WHEN 'place' = ANY (k.kept) THEN r.territory_kind ELSE l.territory_kind END,
    territory_code = CASE WHEN 'place' = ANY (k.kept) THEN r.territory_code ELSE l.territory_code END,
    commune = CASE WHEN 'place' = ANY (k.kept) THEN r.commune ELSE l.commune END,
    epci = CASE WHEN 'place' = ANY (k.kept) THEN r.epci ELSE l.epci END,
    petr = CASE WHEN 'place' = ANY (k.kept) THEN r.petr ELSE l.petr END,
    bassin_vie = CASE WHEN 'place' = ANY (k.kept) THEN r.bassin_vie ELSE l.bassin_vie END,
    departement = CASE WHEN 'place' = ANY (k.kept) THEN r.departement ELSE l.departement END,
    region = CASE WHEN 'place' = ANY (k.kept) THEN r.region ELSE l.region END,
    out_of_region = CASE WHEN 'place' = ANY (k.kept) THEN r.out_of_region ELSE l.out_of_region END,
    updated_at = now()
FROM stage_event_target t
JOIN stage_located l ON l.line = t.line
JOIN stage_event e ON e.line = t.line
CROSS JOIN LATERAL (
  SELECT coalesce(array_agg(f.field), '{}') AS kept FROM field_source f WHERE f.record_kind = 'event' AND f.record_id = t.id
) k
WHERE r.id = t.id AND t.known AND t.changed;

-- Organisers: the actor the ORGANIZER's name designates, when it designates exactly one.
INSERT INTO event_organiser (event_id, actor_id)
SELECT t.id, m.id
FROM stage_event_target t
JOIN stage_event e ON e.line = t.line
CROSS JOIN LATERAL (
  SELECT min(a.id) AS id, count(*) AS n FROM actor a WHERE a.name_search = e.organiser_search
) m
WHERE t.changed AND e.organiser_search IS NOT NULL AND m.n = 1
ON CONFLICT DO NOTHING;

INSERT INTO event_provenance AS p (source, external_id, event_id, content_hash, first_run, last_run, last_seen_at, seen)
SELECT current_setting('atlas.import.source'), l.external_id, t.id, l.content_hash,
       current_setting('atlas.import.run')::bigint, current_setting('atlas.import.run')::bigint, now(), true
FROM stage_located l
JOIN stage_event_target t ON t.line = l.line
ON CONFLICT (source, external_id) DO UPDATE
SET event_id = excluded.event_id, content_hash = excluded.content_hash, last_run = excluded.last_run,
    last_seen_at = excluded.last_seen_at, seen = true;

-- What a full import no longer has is marked not seen (and listed), never deleted.
CREATE TEMP TABLE stage_gone ON COMMIT DROP AS
WITH gone AS (
  UPDATE event_provenance p SET seen = false
  WHERE p.source = current_setting('atlas.import.source') AND p.seen
    AND p.last_run <> current_setting('atlas.import.run')::bigint
    AND current_setting('atlas.import.partial') <> 'true'
    AND EXISTS (SELECT FROM stage_located)
  RETURNING p.external_id
)
SELECT external_id FROM gone;
