-- Privacy by schema: the service's reader role (${readerRole}) reads actors and initiatives
-- through public views that hold exactly what may leave the service, and cannot read a private
-- column at all, whatever query it runs. Until now it could read every table (V1), so keeping
-- email and phone out of the answers was the discipline of each SELECT list.
--
-- The rules, for this migration and every later one:
-- 1. A private column is marked by its comment, which starts with "private:" and says why
--    (`COMMENT ON COLUMN t.c IS 'private: ...'`). The migration that adds a column of personal
--    data (a person's email, phone, address...) marks it in the same migration. ReaderRoleIT
--    finds the private columns by this marker and checks that the reader can read none of them.
-- 2. A table with a private column is never granted to the reader as a whole: the reader reads a
--    view of it (`<table>_public`) or, for a table the service does not serve as records, only
--    the columns granted one by one (`GRANT SELECT (a, b) ON t`).
-- 3. A public view is a plain view of its table: its columns as they are, same names, no join, no
--    computed column, no WHERE, so that PostgreSQL inlines it and every index of the table serves
--    the queries on the view. It reads no private column anywhere, not even in a condition: a
--    filter on a column, or any function of it, tells part of it. It is not a security_barrier
--    view: there is no row to hide, and a barrier would keep the filters' operators (&&, @@)
--    from reaching the table's indexes.
-- 4. A table or view created by a later migration is NOT readable by the service until that
--    migration grants it explicitly (the default privilege of V1 is revoked below), after
--    checking rules 1 to 3.

COMMENT ON COLUMN actor.email IS 'private: a contact of the actor, often a person''s; never served by a public endpoint, export or tile';
COMMENT ON COLUMN actor.phone IS 'private: a contact of the actor, often a person''s; never served by a public endpoint, export or tile';
-- The content hash digests every imported field, email and phone included: a phone number, ten
-- digits, can be found back from it by trying them all.
COMMENT ON COLUMN actor_provenance.content_hash IS 'private: digest of the imported fields, email and phone included; they could be guessed back from it';
COMMENT ON COLUMN initiative_provenance.content_hash IS 'private: digest of the imported fields; kept out of reach as actor_provenance.content_hash is';

-- Every column of actor except email and phone.
CREATE VIEW actor_public AS
  SELECT id, name, name_search, type, themes, description, address, postcode, website, website_host,
         siren, rna, geom, precision, territory_kind, territory_code, commune, epci, petr, bassin_vie,
         departement, region, out_of_region, created_at, updated_at, search, geom_3857
  FROM actor;
COMMENT ON VIEW actor_public IS 'What the service may serve of actors: every column of actor but the private ones (email, phone). The reader role reads actors only through it.';

-- Every column of initiative (it has no private column): the service reads every kind the same way.
CREATE VIEW initiative_public AS
  SELECT id, name, name_search, status, themes, description, lessons_learned, start_date, end_date,
         website, address, postcode, geom, precision, territory_kind, territory_code, commune, epci,
         petr, bassin_vie, departement, region, out_of_region, created_at, updated_at, search, geom_3857
  FROM initiative;
COMMENT ON VIEW initiative_public IS 'What the service may serve of initiatives: every column of initiative but the private ones (none yet). The reader role reads initiatives only through it.';

-- The reader keeps SELECT on every other table it had (territories, vocabularies, initiative_actor,
-- source, import_run, territory_import, map_cell...: none holds a private column).
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${readerRole}') AND '${readerRole}' <> current_user THEN
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM %I', '${readerRole}');
    EXECUTE format('REVOKE SELECT ON actor, initiative FROM %I', '${readerRole}');
    EXECUTE format('GRANT SELECT ON actor_public, initiative_public TO %I', '${readerRole}');
    -- Provenance: every column but the content hash (the service reads source, external id, seen...).
    EXECUTE format('REVOKE SELECT ON actor_provenance, initiative_provenance FROM %I', '${readerRole}');
    EXECUTE format('GRANT SELECT (source, external_id, actor_id, first_run, last_run, last_seen_at, seen, match_rule) '
                   'ON actor_provenance TO %I', '${readerRole}');
    EXECUTE format('GRANT SELECT (source, external_id, initiative_id, first_run, last_run, last_seen_at, seen, match_rule) '
                   'ON initiative_provenance TO %I', '${readerRole}');
  END IF;
END $$;
