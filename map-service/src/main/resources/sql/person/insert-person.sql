-- Publishes a resource person (an approved proposal): the public values only (NULL where the person
-- chose another level), placed at the permanence's point or the commune's point, with the territory
-- keys of the commune. Consent and confirmation are dated now: the moderator approves what was
-- consented to.
INSERT INTO person (name, name_search, role, themes, description, structure_actor_id, structure_name, website,
                    address, postcode, geom, precision, commune, epci, petr, bassin_vie, departement, region,
                    visibility, relay_enabled, consented_at, confirmed_at)
SELECT :name, atlas_normalize(:name), :role, coalesce(string_to_array(CAST(:themes AS text), ','), '{}'), :description,
       (SELECT a.id FROM actor a WHERE a.id = CAST(:structureActorId AS bigint)), :structureName, :website,
       :address, :postcode,
       CASE WHEN CAST(:precision AS text) = 'address' THEN ST_SetSRID(ST_MakePoint(CAST(:lon AS float8), CAST(:lat AS float8)), 4326)
            ELSE (SELECT coalesce(t.label_point, ST_PointOnSurface(t.geom)) FROM territory t
                  WHERE t.kind = 'commune' AND t.code = c.code) END,
       :precision, c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region,
       CAST(:visibility AS jsonb), :relayEnabled, :consentedAt, now()
FROM commune c WHERE c.code = :commune
RETURNING id
