-- Publishes an approved experience proposal: its core and facets, its place (the point given, or
-- the commune's or territory's point) with the territory keys the service computed. Themes and
-- evidence links come as JSON arrays (a link may hold a comma); a vanished initiative is dropped.
INSERT INTO experience (origin, name, name_search, outcome, themes, description, happened, differently, carried_by,
                        started_on, ended_on, public_reached, means, partners, evidence_links, initiative_id, website,
                        geom, precision, territory_kind, territory_code, commune, epci, petr, bassin_vie, departement, region)
SELECT 'proposed', :name, atlas_normalize(:name), :outcome,
       ARRAY(SELECT jsonb_array_elements_text(CAST(:themes AS jsonb))), :description, :happened, :differently, :carriedBy,
       CAST(:startedOn AS date), CAST(:endedOn AS date), :publicReached, :means, :partners,
       ARRAY(SELECT jsonb_array_elements_text(CAST(:evidenceLinks AS jsonb))),
       (SELECT i.id FROM initiative i WHERE i.id = CAST(:initiativeId AS bigint)), :website,
       ST_SetSRID(ST_MakePoint(CAST(:lon AS float8), CAST(:lat AS float8)), 4326), :precision,
       :territoryKind, :territoryCode, :commune, :epci, :petr, :bassinVie, :departement, :region
RETURNING id
