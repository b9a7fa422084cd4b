-- Publishes the located initiatives (as publish-actor.sql does for actors), then links each to
-- the actors that carry it. Their locations are moved by locations.sql.

UPDATE initiative i
SET name = l.name, name_search = l.name_search, name_key = nk.name_key, name_kinds = nk.name_kinds, status = l.status,
    themes = CASE WHEN (SELECT count(*) FROM initiative_provenance p WHERE p.initiative_id = i.id) = 1 THEN l.themes
                  ELSE ARRAY(SELECT DISTINCT t FROM unnest(i.themes || l.themes) t ORDER BY t) END,
    description = coalesce(l.description, i.description), lessons_learned = coalesce(l.lessons_learned, i.lessons_learned),
    start_date = coalesce(l.start_date, i.start_date), end_date = coalesce(l.end_date, i.end_date),
    website = coalesce(l.website, i.website), address = coalesce(l.address, i.address),
    postcode = coalesce(l.postcode, i.postcode), updated_at = now()
FROM stage_known k JOIN stage_located l ON l.line = k.line JOIN stage_key nk ON nk.line = k.line
WHERE i.id = k.id AND k.changed;

UPDATE initiative i
SET themes = ARRAY(SELECT DISTINCT t FROM unnest(i.themes || l.themes) t ORDER BY t),
    description = coalesce(i.description, l.description), lessons_learned = coalesce(i.lessons_learned, l.lessons_learned),
    start_date = coalesce(i.start_date, l.start_date), end_date = coalesce(i.end_date, l.end_date),
    website = coalesce(i.website, l.website), address = coalesce(i.address, l.address),
    postcode = coalesce(i.postcode, l.postcode), updated_at = now()
FROM stage_merge_best l
WHERE i.id = l.id;

INSERT INTO initiative (id, name, name_search, name_key, name_kinds, status, themes, description, lessons_learned, start_date, end_date,
                        website, address, postcode, geom, precision, territory_kind, territory_code, commune, epci,
                        petr, bassin_vie, departement, region, out_of_region)
SELECT n.id, l.name, l.name_search, nk.name_key, nk.name_kinds, l.status, l.themes, l.description, l.lessons_learned, l.start_date, l.end_date,
       l.website, l.address, l.postcode, l.geom, l.precision, l.territory_kind, l.territory_code, l.commune, l.epci,
       l.petr, l.bassin_vie, l.departement, l.region, l.out_of_region
FROM stage_new n JOIN stage_located l ON l.line = n.line JOIN stage_key nk ON nk.line = n.line
ORDER BY n.id;

-- Carriers: an external id of an actor (in any source), else the normalised name of exactly one
-- actor (the one in the initiative's commune when several share the name).
CREATE TEMP TABLE stage_carrier ON COMMIT DROP AS
SELECT t.id AS initiative_id, c.line, c.carrier, coalesce(by_id.actor_id, by_name.actor_id) AS actor_id
FROM (SELECT l.line, l.commune, unnest(l.carriers) AS carrier FROM stage_located l WHERE l.carriers IS NOT NULL) c
JOIN stage_target t ON t.line = c.line
LEFT JOIN LATERAL (
  SELECT min(p.actor_id) AS actor_id FROM actor_provenance p WHERE p.external_id = c.carrier
) by_id ON true
LEFT JOIN LATERAL (
  SELECT CASE WHEN count(*) = 1 THEN min(a.id)
              WHEN count(*) FILTER (WHERE a.commune = c.commune) = 1 THEN min(a.id) FILTER (WHERE a.commune = c.commune)
         END AS actor_id
  FROM actor a WHERE by_id.actor_id IS NULL AND a.name_search = atlas_normalize(c.carrier)
) by_name ON true;

INSERT INTO initiative_actor (initiative_id, actor_id)
SELECT DISTINCT initiative_id, actor_id FROM stage_carrier WHERE actor_id IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO stage_note (note, line)
SELECT 'carrier ''' || carrier || ''' matches no actor (link left out)', line FROM stage_carrier WHERE actor_id IS NULL;
