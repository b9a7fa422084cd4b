-- Natural persons in imports (issue 14, importers/README.md "Natural persons"): a row whose name
-- is a natural person's (a sole trader, a civility before a first name and a surname...) may be
-- published under a neutral label ("Entrepreneur individuel (nom non publié)") until the person
-- consents; its real name is kept here, private (V7 rules), for the importer's deduplication and
-- for the person's own requests.

ALTER TABLE actor
  ADD COLUMN private_name text,
  ADD COLUMN natural_person boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN actor.private_name IS 'private: the real name of a natural person whose published name is a neutral label until they consent; never served';
COMMENT ON COLUMN actor.natural_person IS 'the source says, or the import rules found, that the name is a natural person''s (public: the map may say "nom non publié")';

-- actor_hidden is a copy of actor's columns, in the same order (hide-actor.sql copies with SELECT *).
ALTER TABLE actor_hidden
  ADD COLUMN private_name text,
  ADD COLUMN natural_person boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN actor_hidden.private_name IS 'private: as actor.private_name, kept while the record is hidden';

-- The public view gains the flag, not the private name. Its column list is read from the catalog
-- rather than written again here, so that a column another migration of the same issue added to
-- the view stays (CREATE OR REPLACE VIEW may only append columns).
DO $$
DECLARE
  columns text;
BEGIN
  SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
  FROM pg_attribute WHERE attrelid = 'actor_public'::regclass AND attnum > 0 AND NOT attisdropped;
  EXECUTE format('CREATE OR REPLACE VIEW actor_public AS SELECT %s, natural_person FROM actor', columns);
END $$;

-- Hidden natural persons are matched by their private name within a commune (match-actor.sql).
CREATE INDEX actor_natural_person_commune_idx ON actor (commune) WHERE natural_person;

-- A row without an id in its source gets one derived from its values; for a hidden natural person
-- that id must not let anyone try names against it (the ids in a source are public, in the record's
-- sources), so it is an HMAC keyed by this database's own secret, never granted to the reader.
CREATE TABLE import_key (
  id  smallint PRIMARY KEY CHECK (id = 1),
  key text NOT NULL
);
INSERT INTO import_key VALUES (1, gen_random_uuid()::text || gen_random_uuid()::text);
COMMENT ON COLUMN import_key.key IS 'private: keys the derived ids of natural persons whose names are hidden; with it, names could be tried against them';
