-- Staging tables of one reference import: filled by COPY, read by publish.sql, gone at commit.
SET LOCAL client_min_messages = warning;

-- The national list: every commune of France, any status. parent is the commune of a municipal
-- arrondissement; former_codes the codes of communes it absorbed (INSEE's anciensCodes).
CREATE TEMP TABLE stage_commune_list (
  code text, name text, type text, chef_lieu text, parent text, departement text, region text,
  postcodes text[], former_codes text[], population integer
) ON COMMIT DROP;

CREATE TEMP TABLE stage_epci (code text, name text, category text, population integer) ON COMMIT DROP;

CREATE TEMP TABLE stage_epci_member (epci_code text, commune_code text) ON COMMIT DROP;

CREATE TEMP TABLE stage_departement (code text, name text, region text) ON COMMIT DROP;

CREATE TEMP TABLE stage_region (code text, name text) ON COMMIT DROP;

-- Polygons of every kind read from GeoJSON: commune, departement, region, qpv, pnr.
CREATE TEMP TABLE stage_shape (
  kind text, feature integer, code text, name text, communes text[], geojson text
) ON COMMIT DROP;

CREATE TEMP TABLE stage_bassin_vie (line integer, commune_code text, code text, name text) ON COMMIT DROP;

CREATE TEMP TABLE stage_petr (line integer, code text, name text, epci_code text, source text) ON COMMIT DROP;

-- What could not be matched or had to be repaired, reported to the person running the import.
CREATE TEMP TABLE import_issue (kind text, code text, reason text) ON COMMIT DROP;

-- Former codes of a kind named by the manifest ('formerCodes' of sources.json), with their names.
CREATE TEMP TABLE stage_former_code (kind text, code text, name text, vintage text, reason text) ON COMMIT DROP;
