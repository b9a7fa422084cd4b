-- Publishes the located initiatives (as publish-actor.sql does for actors, keeping the fields a
-- human owns), then links each to the actors that carry it. Their locations are moved by
-- locations.sql.

UPDATE initiative i
SET name = CASE WHEN g.fields @> '{name}' THEN i.name ELSE l.name END,
    name_search = CASE WHEN g.fields @> '{name}' THEN i.name_search ELSE l.name_search END,
    name_key = CASE WHEN g.fields @> '{name}' THEN i.name_key ELSE nk.name_key END,
    name_kinds = CASE WHEN g.fields @> '{name}' THEN i.name_kinds ELSE nk.name_kinds END,
    status = CASE WHEN g.fields @> '{status}' THEN i.status ELSE l.status END,
    themes = CASE WHEN g.fields @> '{themes}' THEN i.themes
                  WHEN (SELECT count(*) FROM initiative_provenance p WHERE p.initiative_id = i.id) = 1 THEN l.themes
                  ELSE ARRAY(SELECT DISTINCT t FROM unnest(i.themes || l.themes) t ORDER BY t) END,
    description = CASE WHEN g.fields @> '{description}' THEN i.description ELSE coalesce(l.description, i.description) END,
    lessons_learned = CASE WHEN g.fields @> '{lessonsLearned}' THEN i.lessons_learned
                           ELSE coalesce(l.lessons_learned, i.lessons_learned) END,
    start_date = CASE WHEN g.fields @> '{startDate}' THEN i.start_date ELSE coalesce(l.start_date, i.start_date) END,
    end_date = CASE WHEN g.fields @> '{endDate}' THEN i.end_date ELSE coalesce(l.end_date, i.end_date) END,
    website = CASE WHEN g.fields @> '{website}' THEN i.website ELSE coalesce(l.website, i.website) END,
    address = CASE WHEN g.fields @> '{address}' THEN i.address ELSE coalesce(l.address, i.address) END,
    postcode = CASE WHEN g.fields @> '{postcode}' THEN i.postcode ELSE coalesce(l.postcode, i.postcode) END,
    updated_at = now()
FROM stage_known k JOIN stage_located l ON l.line = k.line JOIN stage_key nk ON nk.line = k.line
LEFT JOIN stage_guard g ON g.line = k.line
WHERE i.id = k.id AND k.changed AND g.everything IS NOT TRUE;

UPDATE initiative i
SET themes = CASE WHEN g.fields @> '{themes}' THEN i.themes
                  ELSE ARRAY(SELECT DISTINCT t FROM unnest(i.themes || l.themes) t ORDER BY t) END,
    description = CASE WHEN g.fields @> '{description}' THEN i.description ELSE coalesce(i.description, l.description) END,
    lessons_learned = CASE WHEN g.fields @> '{lessonsLearned}' THEN i.lessons_learned
                           ELSE coalesce(i.lessons_learned, l.lessons_learned) END,
    start_date = CASE WHEN g.fields @> '{startDate}' THEN i.start_date ELSE coalesce(i.start_date, l.start_date) END,
    end_date = CASE WHEN g.fields @> '{endDate}' THEN i.end_date ELSE coalesce(i.end_date, l.end_date) END,
    website = CASE WHEN g.fields @> '{website}' THEN i.website ELSE coalesce(i.website, l.website) END,
    address = CASE WHEN g.fields @> '{address}' THEN i.address ELSE coalesce(i.address, l.address) END,
    postcode = CASE WHEN g.fields @> '{postcode}' THEN i.postcode ELSE coalesce(i.postcode, l.postcode) END,
    updated_at = now()
FROM stage_merge_best l
LEFT JOIN stage_guard g ON g.line = l.line
WHERE i.id = l.id AND g.everything IS NOT TRUE;

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
