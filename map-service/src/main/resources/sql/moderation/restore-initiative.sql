-- Publishes again an initiative hidden by reports, as restore-actor.sql does an actor.
INSERT INTO initiative (id, name, name_search, name_key, name_kinds, status, themes, description, lessons_learned,
                        start_date, end_date, website, address, postcode, geom, precision, territory_kind, territory_code,
                        commune, epci, petr, bassin_vie, departement, region, out_of_region, created_at, updated_at)
SELECT id, name, name_search, name_key, name_kinds, status, themes, description, lessons_learned,
       start_date, end_date, website, address, postcode, geom, precision, territory_kind, territory_code,
       commune, epci, petr, bassin_vie, departement, region, out_of_region, created_at, updated_at
FROM initiative_hidden WHERE id = :id;
INSERT INTO initiative_provenance SELECT (jsonb_populate_record(NULL::initiative_provenance, row_data)).*
FROM hidden_satellite WHERE record_kind = 'initiative' AND record_id = :id AND tbl = 'initiative_provenance';
INSERT INTO initiative_actor SELECT (jsonb_populate_record(NULL::initiative_actor, s.row_data)).*
FROM hidden_satellite s
WHERE s.record_kind = 'initiative' AND s.record_id = :id AND s.tbl = 'initiative_actor'
  AND EXISTS (SELECT FROM actor a WHERE a.id = (s.row_data ->> 'actor_id')::bigint);
DELETE FROM hidden_satellite WHERE record_kind = 'initiative' AND record_id = :id;
DELETE FROM initiative_hidden WHERE id = :id;
DELETE FROM suppression WHERE record_kind = 'initiative' AND record_id = :id AND reason = 'hidden';
