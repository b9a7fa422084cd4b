-- Publishes again a person hidden for want of re-confirmation, with the same id and satellites.
INSERT INTO person (id, name, name_search, role, themes, description, structure_actor_id, structure_name, website,
                    address, postcode, geom, precision, territory_kind, territory_code, commune, epci, petr, bassin_vie,
                    departement, region, out_of_region, visibility, relay_enabled, consented_at, confirmed_at,
                    created_at, updated_at)
SELECT id, name, name_search, role, themes, description,
       (SELECT a.id FROM actor a WHERE a.id = h.structure_actor_id), structure_name, website,
       address, postcode, geom, precision, territory_kind, territory_code, commune, epci, petr, bassin_vie,
       departement, region, out_of_region, visibility, relay_enabled, consented_at, confirmed_at, created_at, updated_at
FROM person_hidden h WHERE id = :id;
INSERT INTO person_perimeter SELECT (jsonb_populate_record(NULL::person_perimeter, row_data)).*
FROM hidden_satellite WHERE record_kind = 'person' AND record_id = :id AND tbl = 'person_perimeter';
INSERT INTO person_member SELECT (jsonb_populate_record(NULL::person_member, row_data)).*
FROM hidden_satellite WHERE record_kind = 'person' AND record_id = :id AND tbl = 'person_member';
INSERT INTO person_private SELECT (jsonb_populate_record(NULL::person_private, row_data)).*
FROM hidden_satellite WHERE record_kind = 'person' AND record_id = :id AND tbl = 'person_private';
DELETE FROM hidden_satellite WHERE record_kind = 'person' AND record_id = :id;
DELETE FROM person_hidden WHERE id = :id;
