-- Publishes an approved announcement at the place computed for it (the actor's point, or its
-- perimeter's first territory's).
INSERT INTO need_offer (name, name_search, nature, resource, skills, themes, description, actor_id, author_name,
                        geom, precision, territory_kind, territory_code, commune, epci, petr, bassin_vie, departement,
                        region, valid_until, relay_enabled)
VALUES (:name, atlas_normalize(:name), :nature, :resource, coalesce(string_to_array(CAST(:skills AS text), ','), '{}'),
        coalesce(string_to_array(CAST(:themes AS text), ','), '{}'), :description,
        (SELECT a.id FROM actor a WHERE a.id = CAST(:actorId AS bigint)), :authorName,
        ST_SetSRID(ST_MakePoint(CAST(:lon AS float8), CAST(:lat AS float8)), 4326), CAST(:precision AS location_precision),
        :territoryKind, :territoryCode, :commune, :epci, :petr, :bassinVie, :departement, :region,
        CAST(:validUntil AS date), :relayEnabled)
RETURNING id
