-- French full-text search of actors and initiatives: stemmed ("jardins" finds "jardin"),
-- accent-insensitive ("energie" finds "Énergie"), ranked with the name first, then the themes,
-- then the description.

CREATE TEXT SEARCH CONFIGURATION public.atlas_fr (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION public.atlas_fr
  ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.french_stem;

-- Theme codes as words ("participation_citoyenne" -> "participation citoyenne"). IMMUTABLE so
-- that it can feed the generated search column.
CREATE FUNCTION atlas_theme_words(themes text[]) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT replace(array_to_string(themes, ' '), '_', ' ')
$$;

-- The search document: name (weight A), themes (B), description (C). Stored, so that ranking a
-- match reads it instead of parsing the text again.
CREATE FUNCTION atlas_search_vector(name text, themes text[], description text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('public.atlas_fr'::regconfig, coalesce(name, '')), 'A')
      || setweight(to_tsvector('public.atlas_fr'::regconfig, coalesce(public.atlas_theme_words(themes), '')), 'B')
      || setweight(to_tsvector('public.atlas_fr'::regconfig, coalesce(description, '')), 'C')
$$;

ALTER TABLE actor ADD COLUMN search tsvector
  GENERATED ALWAYS AS (atlas_search_vector(name, themes, description)) STORED;
CREATE INDEX actor_search_idx ON actor USING gin (search);
-- The type filter: a few values, but some of them rare (conseil citoyen, recherche).
CREATE INDEX actor_type_idx ON actor (type);

ALTER TABLE initiative ADD COLUMN search tsvector
  GENERATED ALWAYS AS (atlas_search_vector(name, themes, coalesce(description, '') || ' ' || coalesce(lessons_learned, ''))) STORED;
CREATE INDEX initiative_search_idx ON initiative USING gin (search);
