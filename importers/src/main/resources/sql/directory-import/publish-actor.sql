-- Publishes the located actors: updates the known ones whose content changed, fills in the actors
-- that new rows merge into, inserts the new ones. Their locations are moved by locations.sql.
-- A field a human owns (stage_guard.fields, from guard.sql) keeps its value throughout, and an
-- actor whose every field is kept is not written.

-- Known actors: the source's values replace the published ones; a value the source no longer
-- gives is kept (another source may have brought it). Themes are replaced when this source is the
-- actor's only one, added to otherwise.
UPDATE actor a
SET name = CASE WHEN g.fields @> '{name}' THEN a.name ELSE l.name END,
    name_search = CASE WHEN g.fields @> '{name}' THEN a.name_search ELSE l.name_search END,
    name_key = CASE WHEN g.fields @> '{name}' THEN a.name_key ELSE nk.name_key END,
    name_kinds = CASE WHEN g.fields @> '{name}' THEN a.name_kinds ELSE nk.name_kinds END,
    -- a natural person's name hidden behind a label (RecordCleaner), unless a human owns the name
    private_name = CASE WHEN g.fields @> '{name}' THEN a.private_name ELSE l.private_name END,
    natural_person = CASE WHEN g.fields @> '{name}' THEN a.natural_person ELSE l.natural_person END,
    type = CASE WHEN g.fields @> '{type}' THEN a.type ELSE l.type END,
    themes = CASE WHEN g.fields @> '{themes}' THEN a.themes
                  WHEN (SELECT count(*) FROM actor_provenance p WHERE p.actor_id = a.id) = 1 THEN l.themes
                  ELSE ARRAY(SELECT DISTINCT t FROM unnest(a.themes || l.themes) t ORDER BY t) END,
    description = CASE WHEN g.fields @> '{description}' THEN a.description ELSE coalesce(l.description, a.description) END,
    address = CASE WHEN g.fields @> '{address}' THEN a.address ELSE coalesce(l.address, a.address) END,
    postcode = CASE WHEN g.fields @> '{postcode}' THEN a.postcode ELSE coalesce(l.postcode, a.postcode) END,
    website = CASE WHEN g.fields @> '{website}' THEN a.website ELSE coalesce(l.website, a.website) END,
    website_host = CASE WHEN g.fields @> '{website}' THEN a.website_host ELSE coalesce(l.website_host, a.website_host) END,
    siren = coalesce(l.siren, a.siren),
    rna = coalesce(l.rna, a.rna),
    email = coalesce(l.email, a.email),
    phone = coalesce(l.phone, a.phone),
    updated_at = now()
FROM stage_known k JOIN stage_located l ON l.line = k.line JOIN stage_key nk ON nk.line = k.line
LEFT JOIN stage_guard g ON g.line = k.line
WHERE a.id = k.id AND k.changed AND g.everything IS NOT TRUE;

-- Merged actors: the new source fills what they lack and adds its themes (stage_merge_best:
-- one row per actor, the best match).
UPDATE actor a
SET themes = CASE WHEN g.fields @> '{themes}' THEN a.themes
                  ELSE ARRAY(SELECT DISTINCT t FROM unnest(a.themes || l.themes) t ORDER BY t) END,
    type = CASE WHEN a.type = 'autre' AND NOT coalesce(g.fields @> '{type}', false) THEN l.type ELSE a.type END,
    description = CASE WHEN g.fields @> '{description}' THEN a.description ELSE coalesce(a.description, l.description) END,
    address = CASE WHEN g.fields @> '{address}' THEN a.address ELSE coalesce(a.address, l.address) END,
    postcode = CASE WHEN g.fields @> '{postcode}' THEN a.postcode ELSE coalesce(a.postcode, l.postcode) END,
    website = CASE WHEN g.fields @> '{website}' THEN a.website ELSE coalesce(a.website, l.website) END,
    website_host = CASE WHEN g.fields @> '{website}' THEN a.website_host ELSE coalesce(a.website_host, l.website_host) END,
    siren = coalesce(a.siren, l.siren),
    rna = coalesce(a.rna, l.rna),
    email = coalesce(a.email, l.email),
    phone = coalesce(a.phone, l.phone),
    updated_at = now()
FROM stage_merge_best l
LEFT JOIN stage_guard g ON g.line = l.line
WHERE a.id = l.id AND g.everything IS NOT TRUE;

INSERT INTO actor (id, name, name_search, name_key, name_kinds, type, themes, description, address, postcode, website, website_host,
                   siren, rna, email, phone, geom, precision, territory_kind, territory_code, commune, epci, petr,
                   bassin_vie, departement, region, out_of_region, private_name, natural_person)
SELECT n.id, l.name, l.name_search, nk.name_key, nk.name_kinds, l.type, l.themes, l.description, l.address, l.postcode, l.website, l.website_host,
       l.siren, l.rna, l.email, l.phone, l.geom, l.precision, l.territory_kind, l.territory_code, l.commune, l.epci,
       l.petr, l.bassin_vie, l.departement, l.region, l.out_of_region, l.private_name, l.natural_person
FROM stage_new n JOIN stage_located l ON l.line = n.line JOIN stage_key nk ON nk.line = n.line
ORDER BY n.id;
