-- An owner's edit of their listing, published at once (as owners' edits are).
UPDATE person p
SET name = :name, name_search = atlas_normalize(:name), role = :role,
    themes = coalesce(string_to_array(CAST(:themes AS text), ','), '{}'), description = :description,
    structure_actor_id = (SELECT a.id FROM actor a WHERE a.id = CAST(:structureActorId AS bigint)),
    structure_name = :structureName, website = :website, address = :address, postcode = :postcode,
    geom = CASE WHEN CAST(:precision AS text) = 'address' THEN ST_SetSRID(ST_MakePoint(CAST(:lon AS float8), CAST(:lat AS float8)), 4326)
                ELSE (SELECT coalesce(t.label_point, ST_PointOnSurface(t.geom)) FROM territory t
                      WHERE t.kind = 'commune' AND t.code = c.code) END,
    precision = :precision, commune = c.code, epci = c.epci, petr = c.petr, bassin_vie = c.bassin_vie,
    departement = c.departement, region = c.region, visibility = CAST(:visibility AS jsonb),
    relay_enabled = :relayEnabled, updated_at = now()
FROM commune c
WHERE c.code = :commune AND p.id = :id
