-- The national commune list (COG, all of France), kept beside the region's communes so that
-- locating a row can tell a commune outside the region ("INSEE code 15054 is Condat, Cantal (15)")
-- from a code or a name that designates nothing, and never places a row in a homonym of the region
-- when its INSEE code or postcode points elsewhere (directory-import/locate.sql). Reference data,
-- public, filled by the territory import (territory-import/publish.sql); the service does not read it.

-- One row per code a source may give for a commune: a current commune's, a delegated or associated
-- commune's, a municipal arrondissement's, or a former code that INSEE now lists under the commune
-- that absorbed it. A delegated commune often shares its code with its commune nouvelle: the key is
-- (code, kind).
CREATE TABLE france_commune (
  code        text NOT NULL,
  kind        text NOT NULL,       -- commune-actuelle, commune-deleguee, commune-associee, arrondissement-municipal, ancien-code
  name        text NOT NULL,
  name_search text NOT NULL,       -- atlas_normalize(name)
  commune     text NOT NULL,       -- the current commune the code designates (itself for a current commune)
  departement text NOT NULL,
  region      text NOT NULL,
  postcodes   text[] NOT NULL DEFAULT '{}',  -- La Poste's postcodes; only current communes and arrondissements have them
  PRIMARY KEY (code, kind)
);
CREATE INDEX france_commune_name_search_idx ON france_commune (name_search);
CREATE INDEX france_commune_postcodes_idx ON france_commune USING gin (postcodes);

-- The départements of France, to name the one a row outside the region designates.
CREATE TABLE france_departement (
  code   text PRIMARY KEY,
  name   text NOT NULL,
  region text
);
