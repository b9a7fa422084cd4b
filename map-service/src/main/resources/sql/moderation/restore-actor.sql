-- Publishes again an actor hidden by reports (the moderator dismissed them): the same id, its
-- satellite rows, and no more suppression for it.
INSERT INTO actor (id, name, name_search, name_key, name_kinds, type, themes, description, address, postcode, website,
                   website_host, siren, rna, email, phone, geom, precision, territory_kind, territory_code, commune, epci,
                   petr, bassin_vie, departement, region, out_of_region, created_at, updated_at, private_name,
                   natural_person)
SELECT id, name, name_search, name_key, name_kinds, type, themes, description, address, postcode, website,
       website_host, siren, rna, email, phone, geom, precision, territory_kind, territory_code, commune, epci,
       petr, bassin_vie, departement, region, out_of_region, created_at, updated_at, private_name, natural_person
FROM actor_hidden WHERE id = :id;
INSERT INTO actor_provenance SELECT (jsonb_populate_record(NULL::actor_provenance, row_data)).*
FROM hidden_satellite WHERE record_kind = 'actor' AND record_id = :id AND tbl = 'actor_provenance';
INSERT INTO initiative_actor SELECT (jsonb_populate_record(NULL::initiative_actor, s.row_data)).*
FROM hidden_satellite s
WHERE s.record_kind = 'actor' AND s.record_id = :id AND s.tbl = 'initiative_actor'
  AND EXISTS (SELECT FROM initiative i WHERE i.id = (s.row_data ->> 'initiative_id')::bigint);
INSERT INTO event_organiser SELECT (jsonb_populate_record(NULL::event_organiser, s.row_data)).*
FROM hidden_satellite s
WHERE s.record_kind = 'actor' AND s.record_id = :id AND s.tbl = 'event_organiser'
  AND EXISTS (SELECT FROM event e WHERE e.id = (s.row_data ->> 'event_id')::bigint);
INSERT INTO experience_actor SELECT (jsonb_populate_record(NULL::experience_actor, s.row_data)).*
FROM hidden_satellite s
WHERE s.record_kind = 'actor' AND s.record_id = :id AND s.tbl = 'experience_actor'
  AND EXISTS (SELECT FROM experience x WHERE x.id = (s.row_data ->> 'experience_id')::bigint);
UPDATE need_offer n SET actor_id = :id
FROM hidden_satellite s
WHERE s.record_kind = 'actor' AND s.record_id = :id AND s.tbl = 'need_offer' AND n.id = (s.row_data ->> 'id')::bigint
  AND n.actor_id IS NULL;
DELETE FROM hidden_satellite WHERE record_kind = 'actor' AND record_id = :id;
DELETE FROM actor_hidden WHERE id = :id;
DELETE FROM suppression WHERE record_kind = 'actor' AND record_id = :id AND reason = 'hidden';
