-- Publishes the located actors: updates the known ones whose content changed, fills in the actors
-- that new rows merge into, inserts the new ones. Their locations are moved by locations.sql.

-- Known actors: the source's values replace the published ones; a value the source no longer
-- gives is kept (another source may have brought it). Themes are replaced when this source is the
-- actor's only one, added to otherwise.
UPDATE actor a
SET name = l.name, name_search = l.name_search, name_key = nk.name_key, name_kinds = nk.name_kinds, type = l.type,
    themes = CASE WHEN (SELECT count(*) FROM actor_provenance p WHERE p.actor_id = a.id) = 1 THEN l.themes
                  ELSE ARRAY(SELECT DISTINCT t FROM unnest(a.themes || l.themes) t ORDER BY t) END,
    description = coalesce(l.description, a.description), address = coalesce(l.address, a.address),
    postcode = coalesce(l.postcode, a.postcode), website = coalesce(l.website, a.website),
    website_host = coalesce(l.website_host, a.website_host), siren = coalesce(l.siren, a.siren),
    rna = coalesce(l.rna, a.rna), email = coalesce(l.email, a.email), phone = coalesce(l.phone, a.phone),
    updated_at = now()
FROM stage_known k JOIN stage_located l ON l.line = k.line JOIN stage_key nk ON nk.line = k.line
WHERE a.id = k.id AND k.changed;

-- Merged actors: the new source fills what they lack and adds its themes (stage_merge_best:
-- one row per actor, the best match).
UPDATE actor a
SET themes = ARRAY(SELECT DISTINCT t FROM unnest(a.themes || l.themes) t ORDER BY t),
    type = CASE WHEN a.type = 'autre' THEN l.type ELSE a.type END,
    description = coalesce(a.description, l.description), address = coalesce(a.address, l.address),
    postcode = coalesce(a.postcode, l.postcode), website = coalesce(a.website, l.website),
    website_host = coalesce(a.website_host, l.website_host), siren = coalesce(a.siren, l.siren),
    rna = coalesce(a.rna, l.rna), email = coalesce(a.email, l.email), phone = coalesce(a.phone, l.phone),
    updated_at = now()
FROM stage_merge_best l
WHERE a.id = l.id;

INSERT INTO actor (id, name, name_search, name_key, name_kinds, type, themes, description, address, postcode, website, website_host,
                   siren, rna, email, phone, geom, precision, territory_kind, territory_code, commune, epci, petr,
                   bassin_vie, departement, region, out_of_region)
SELECT n.id, l.name, l.name_search, nk.name_key, nk.name_kinds, l.type, l.themes, l.description, l.address, l.postcode, l.website, l.website_host,
       l.siren, l.rna, l.email, l.phone, l.geom, l.precision, l.territory_kind, l.territory_code, l.commune, l.epci,
       l.petr, l.bassin_vie, l.departement, l.region, l.out_of_region
FROM stage_new n JOIN stage_located l ON l.line = n.line JOIN stage_key nk ON nk.line = n.line
ORDER BY n.id;
