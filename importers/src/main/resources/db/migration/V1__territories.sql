-- Reference territories of the configured region: communes and every zoning above them.
-- Actors and initiatives will be keyed to a commune; "who acts in territory X" is then a key
-- lookup through `commune`, while geometries serve points, bboxes, distances, tiles and drawing.

CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Search and matching form of a name: lower case, no accents, words separated by one space,
-- "st"/"ste" spelled out ("St-Gaudens" and "saint gaudens" both give "saint gaudens").
-- IMMUTABLE so that it can feed generated columns and indexes; the dictionary is named with its
-- schema so that the result does not depend on search_path.
CREATE FUNCTION atlas_normalize(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT regexp_replace(regexp_replace(
           btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, value)),
                                '[^a-z0-9]+', ' ', 'g')),
           '\mste\M', 'sainte', 'g'),
         '\mst\M', 'saint', 'g')
$$;

-- The kinds of territory, in the order an answer lists them (smallest first).
CREATE TABLE territory_kind (
  kind  text PRIMARY KEY,
  rank  smallint NOT NULL UNIQUE,
  label text NOT NULL
);
INSERT INTO territory_kind (kind, rank, label) VALUES
  ('commune',     1, 'Commune'),
  ('epci',        2, 'Intercommunalité (EPCI)'),
  ('petr',        3, 'Pôle d''équilibre territorial et rural (PETR)'),
  ('bassin_vie',  4, 'Bassin de vie'),
  ('departement', 5, 'Département'),
  ('region',      6, 'Région'),
  ('qpv',         7, 'Quartier prioritaire de la politique de la ville (QPV)'),
  ('pnr',         8, 'Parc naturel régional');

-- Every territory of every kind, with its drawing geometry. Communes keep a row even without a
-- polygon (geom NULL, counted by the importer), never dropped.
CREATE TABLE territory (
  kind        text NOT NULL REFERENCES territory_kind,
  code        text NOT NULL,
  name        text NOT NULL,
  name_search text GENERATED ALWAYS AS (atlas_normalize(name)) STORED,
  category    text,            -- EPCI legal form (CC, CA, CU, METRO), commune status...
  population  integer,         -- whole territory, also outside the region when it crosses it
  geom        geometry(MultiPolygon, 4326),
  label_point geometry(Point, 4326),
  vintage     text NOT NULL,   -- e.g. "COG 2026", "BV2022", "QPV 2015"
  source      text NOT NULL,   -- the file it was read from
  PRIMARY KEY (kind, code)
);
CREATE INDEX territory_geom_idx ON territory USING gist (geom);
-- QPV and PNR do not follow commune borders: a point is located in them by geometry.
CREATE INDEX territory_zone_geom_idx ON territory USING gist (geom) WHERE kind IN ('qpv', 'pnr');
CREATE INDEX territory_name_search_trgm_idx ON territory USING gin (name_search gin_trgm_ops);

-- The key table: each current commune and the territory keys derived from it.
CREATE TABLE commune (
  code            text PRIMARY KEY,
  name            text NOT NULL,
  departement     text NOT NULL,
  region          text NOT NULL,
  epci            text,        -- SIREN of its EPCI à fiscalité propre
  petr            text,        -- code of the PETR its EPCI belongs to, if any
  bassin_vie      text,        -- BV2022 code (code of the pole commune)
  postcodes       text[] NOT NULL DEFAULT '{}',
  population      integer,
  has_polygon     boolean NOT NULL,
  polygon_sources text[] NOT NULL DEFAULT '{}'  -- codes of the source polygons dissolved into it
);
CREATE INDEX commune_epci_idx ON commune (epci);
CREATE INDEX commune_petr_idx ON commune (petr);
CREATE INDEX commune_bassin_vie_idx ON commune (bassin_vie);
CREATE INDEX commune_departement_idx ON commune (departement);
CREATE INDEX commune_postcodes_idx ON commune USING gin (postcodes);

-- Commune polygons cut in pieces of at most 64 vertices: point-in-polygon against small boxes is
-- what makes locating a point (and later a batch of actors) fast.
CREATE TABLE commune_part (
  code text NOT NULL REFERENCES commune ON DELETE CASCADE,
  geom geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX commune_part_geom_idx ON commune_part USING gist (geom);

-- PETR composition: a PETR groups EPCI; an EPCI is in at most one PETR.
CREATE TABLE petr_member (
  petr_code text NOT NULL,
  epci_code text NOT NULL UNIQUE,
  source    text,
  PRIMARY KEY (petr_code, epci_code)
);

-- Zonings that do not follow commune borders (QPV, PNR): the communes they touch, as the source
-- states them. Containment of a point is decided by their geometry, not by this list.
CREATE TABLE zone_commune (
  kind         text NOT NULL REFERENCES territory_kind,
  code         text NOT NULL,
  commune_code text NOT NULL REFERENCES commune ON DELETE CASCADE,
  PRIMARY KEY (kind, code, commune_code)
);
CREATE INDEX zone_commune_commune_idx ON zone_commune (commune_code);

-- Which communes each territory holds, for every kind above the commune. The commune-based kinds
-- come from the keys of `commune`, so the two can never disagree; the planner prunes the branches
-- that a constant kind excludes.
CREATE VIEW territory_commune AS
  SELECT 'epci'::text AS kind, epci AS code, code AS commune_code FROM commune WHERE epci IS NOT NULL
  UNION ALL
  SELECT 'petr', petr, code FROM commune WHERE petr IS NOT NULL
  UNION ALL
  SELECT 'bassin_vie', bassin_vie, code FROM commune WHERE bassin_vie IS NOT NULL
  UNION ALL
  SELECT 'departement', departement, code FROM commune
  UNION ALL
  SELECT 'region', region, code FROM commune
  UNION ALL
  SELECT kind, code, commune_code FROM zone_commune;

-- What each reference import loaded, for the health page and for reviewing a run.
CREATE TABLE territory_import (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  data_dir    text NOT NULL,
  report      jsonb NOT NULL
);

-- The service reads through a role that can only read (see README, "Database roles").
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${readerRole}') AND '${readerRole}' <> current_user THEN
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', '${readerRole}');
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', '${readerRole}');
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO %I', '${readerRole}');
  END IF;
END $$;

-- GeoJSON geometry text to a geometry, or NULL when PostGIS cannot read it, so that an importer
-- can report the one bad feature instead of failing the whole file.
CREATE FUNCTION atlas_try_geojson(geojson text) RETURNS geometry
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326);
EXCEPTION WHEN OTHERS THEN
  RETURN NULL;
END $$;
