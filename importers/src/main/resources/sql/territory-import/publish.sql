-- Publishes the staged reference files into the territory tables, inside the import's single
-- transaction. Settings made by the importer: atlas.region (INSEE region code), and per kind
-- atlas.source.<kind> (file name) and atlas.vintage.<kind>, the kind spelled with underscores.

-- Geometries parsed once; the ones PostGIS had to repair are remembered for the report.
CREATE TEMP TABLE shape ON COMMIT DROP AS
SELECT kind, feature, code, name, communes,
       raw IS NOT NULL AND NOT ST_IsValid(raw) AS repaired,
       CASE WHEN raw IS NOT NULL THEN ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Force2D(raw)), 3)) END AS geom
FROM (SELECT s.*, atlas_try_geojson(s.geojson) AS raw FROM stage_shape s) parsed;

INSERT INTO import_issue (kind, code, reason)
SELECT kind, coalesce(code, 'feature ' || feature), 'geometry missing, unreadable or not a polygon: skipped'
FROM shape WHERE geom IS NULL OR ST_IsEmpty(geom);

DELETE FROM shape WHERE geom IS NULL OR ST_IsEmpty(geom);

INSERT INTO import_issue (kind, code, reason)
SELECT kind, code, 'invalid geometry repaired (ST_MakeValid)' FROM shape WHERE repaired;

-- The current communes of the region.
CREATE TEMP TABLE region_commune ON COMMIT DROP AS
SELECT DISTINCT ON (code) code, name, departement, region, postcodes, population
FROM stage_commune_list
WHERE type = 'commune-actuelle' AND region = current_setting('atlas.region')
ORDER BY code;

-- Which current commune each source polygon belongs to: its own code, or, for a former commune
-- now delegated or associated to a commune nouvelle, the code of its chef-lieu.
CREATE TEMP TABLE polygon_owner ON COMMIT DROP AS
SELECT s.code AS polygon_code, s.geom, coalesce(own.code, chef.code) AS commune_code
FROM shape s
LEFT JOIN region_commune own ON own.code = s.code
LEFT JOIN LATERAL (
  SELECT r.code
  FROM stage_commune_list d JOIN region_commune r ON r.code = d.chef_lieu
  WHERE own.code IS NULL AND d.code = s.code AND d.type IN ('commune-deleguee', 'commune-associee')
  LIMIT 1
) chef ON true
WHERE s.kind = 'commune';

INSERT INTO import_issue (kind, code, reason)
SELECT 'commune', polygon_code, 'polygon whose code is neither a current commune of the region nor delegated to one: not used'
FROM polygon_owner WHERE commune_code IS NULL;

CREATE TEMP TABLE commune_shape ON COMMIT DROP AS
SELECT commune_code AS code, array_agg(polygon_code ORDER BY polygon_code) AS sources,
       ST_Multi(ST_Union(geom)) AS geom
FROM polygon_owner WHERE commune_code IS NOT NULL
GROUP BY commune_code;

-- Keys of each commune: EPCI, PETR (through its EPCI), bassin de vie.
CREATE TEMP TABLE commune_epci ON COMMIT DROP AS
SELECT DISTINCT ON (m.commune_code) m.commune_code, m.epci_code
FROM stage_epci_member m JOIN region_commune rc ON rc.code = m.commune_code
ORDER BY m.commune_code, m.epci_code;

INSERT INTO import_issue (kind, code, reason)
SELECT 'epci', rc.code, 'commune member of no EPCI in the EPCI list'
FROM region_commune rc
WHERE EXISTS (SELECT FROM stage_epci) AND NOT EXISTS (SELECT FROM commune_epci ce WHERE ce.commune_code = rc.code);

CREATE TEMP TABLE petr_epci ON COMMIT DROP AS
SELECT DISTINCT ON (p.epci_code) p.code AS petr_code, p.name AS petr_name, p.epci_code, p.source, p.line
FROM stage_petr p
WHERE EXISTS (SELECT FROM commune_epci ce WHERE ce.epci_code = p.epci_code)
ORDER BY p.epci_code, p.line;

INSERT INTO import_issue (kind, code, reason)
SELECT 'petr', p.code || ' / ' || p.epci_code, 'line ' || p.line || ': member EPCI is not an EPCI of the region: not used'
FROM stage_petr p
WHERE NOT EXISTS (SELECT FROM commune_epci ce WHERE ce.epci_code = p.epci_code);

INSERT INTO import_issue (kind, code, reason)
SELECT 'petr', p.code || ' / ' || p.epci_code, 'line ' || p.line || ': EPCI already member of PETR ' || pe.petr_code || ': not used'
FROM stage_petr p JOIN petr_epci pe ON pe.epci_code = p.epci_code AND pe.line <> p.line;

CREATE TEMP TABLE commune_bassin_vie ON COMMIT DROP AS
SELECT DISTINCT ON (b.commune_code) b.commune_code, b.code, b.name
FROM stage_bassin_vie b JOIN region_commune rc ON rc.code = b.commune_code
ORDER BY b.commune_code, b.line;

INSERT INTO import_issue (kind, code, reason)
SELECT 'bassin_vie', rc.code, 'commune of the region absent from the bassins de vie table'
FROM region_commune rc
WHERE EXISTS (SELECT FROM stage_bassin_vie) AND NOT EXISTS (SELECT FROM commune_bassin_vie b WHERE b.commune_code = rc.code);

CREATE TEMP TABLE new_commune ON COMMIT DROP AS
SELECT rc.code, rc.name, rc.departement, rc.region, ce.epci_code AS epci, pe.petr_code AS petr,
       bv.code AS bassin_vie, coalesce(rc.postcodes, '{}') AS postcodes, rc.population,
       cs.geom, coalesce(cs.sources, '{}') AS sources
FROM region_commune rc
LEFT JOIN commune_shape cs ON cs.code = rc.code
LEFT JOIN commune_epci ce ON ce.commune_code = rc.code
LEFT JOIN petr_epci pe ON pe.epci_code = ce.epci_code
LEFT JOIN commune_bassin_vie bv ON bv.commune_code = rc.code;

INSERT INTO import_issue (kind, code, reason)
SELECT 'commune', code, 'current commune without any polygon: kept and flagged (has_polygon = false)'
FROM new_commune WHERE geom IS NULL;

-- Every territory of the new state.
CREATE TEMP TABLE new_territory (
  kind text, code text, name text, category text, population bigint, geom geometry, vintage text, source text
) ON COMMIT DROP;

INSERT INTO new_territory
SELECT 'commune', code, name, NULL, population, geom,
       concat_ws(', ', current_setting('atlas.vintage.commune_list'), nullif(current_setting('atlas.vintage.commune_polygons'), '')),
       concat_ws(', ', current_setting('atlas.source.commune_list'), nullif(current_setting('atlas.source.commune_polygons'), ''))
FROM new_commune;

INSERT INTO new_territory
SELECT 'epci', e.code, e.name, e.category, e.population,
       (SELECT ST_Multi(ST_Union(c.geom)) FROM new_commune c WHERE c.epci = e.code),
       current_setting('atlas.vintage.epci_list'), current_setting('atlas.source.epci_list')
FROM stage_epci e
WHERE EXISTS (SELECT FROM commune_epci ce WHERE ce.epci_code = e.code);

INSERT INTO new_territory
SELECT 'petr', p.petr_code, min(p.petr_name), NULL,
       (SELECT sum(c.population) FROM new_commune c WHERE c.petr = p.petr_code),
       (SELECT ST_Multi(ST_Union(c.geom)) FROM new_commune c WHERE c.petr = p.petr_code),
       current_setting('atlas.vintage.petr'), current_setting('atlas.source.petr')
FROM petr_epci p
GROUP BY p.petr_code;

-- A bassin de vie can cross the regional border: its population counts all its communes.
INSERT INTO new_territory
SELECT 'bassin_vie', b.code, min(b.name), NULL,
       (SELECT sum(l.population) FROM stage_bassin_vie a JOIN stage_commune_list l ON l.code = a.commune_code AND l.type = 'commune-actuelle' WHERE a.code = b.code),
       (SELECT ST_Multi(ST_Union(c.geom)) FROM new_commune c WHERE c.bassin_vie = b.code),
       current_setting('atlas.vintage.bassin_vie'), current_setting('atlas.source.bassin_vie')
FROM commune_bassin_vie b
GROUP BY b.code;

INSERT INTO new_territory
SELECT 'departement', d.code, coalesce(l.name, d.code), NULL,
       (SELECT sum(c.population) FROM new_commune c WHERE c.departement = d.code),
       coalesce(s.geom, (SELECT ST_Multi(ST_Union(c.geom)) FROM new_commune c WHERE c.departement = d.code)),
       current_setting('atlas.vintage.commune_list'),
       concat_ws(', ', nullif(current_setting('atlas.source.departement_list'), ''), CASE WHEN s.geom IS NOT NULL THEN current_setting('atlas.source.departement_polygons') END)
FROM (SELECT DISTINCT departement AS code FROM new_commune) d
LEFT JOIN stage_departement l ON l.code = d.code
LEFT JOIN shape s ON s.kind = 'departement' AND s.code = d.code;

INSERT INTO new_territory
SELECT 'region', r.code, coalesce(l.name, r.code), NULL,
       (SELECT sum(c.population) FROM new_commune c),
       coalesce(s.geom, (SELECT ST_Multi(ST_Union(t.geom)) FROM new_territory t WHERE t.kind = 'departement')),
       current_setting('atlas.vintage.commune_list'),
       concat_ws(', ', nullif(current_setting('atlas.source.region_list'), ''), CASE WHEN s.geom IS NOT NULL THEN current_setting('atlas.source.region_polygon') END)
FROM (SELECT current_setting('atlas.region') AS code) r
LEFT JOIN stage_region l ON l.code = r.code
LEFT JOIN shape s ON s.kind = 'region' AND (s.code = r.code OR s.code IS NULL);

INSERT INTO new_territory
SELECT s.kind, s.code, coalesce(s.name, s.code), NULL, NULL, s.geom,
       current_setting('atlas.vintage.' || s.kind), current_setting('atlas.source.' || s.kind)
FROM shape s WHERE s.kind IN ('qpv', 'pnr');

INSERT INTO import_issue (kind, code, reason)
SELECT z.kind, z.code || ' / ' || z.commune_code, 'commune code is not a current commune of the region: not linked'
FROM (SELECT kind, code, unnest(communes) AS commune_code FROM shape WHERE kind IN ('qpv', 'pnr')) z
WHERE NOT EXISTS (SELECT FROM region_commune rc WHERE rc.code = z.commune_code);

-- Replace the published state. Rows are updated in place (not truncated) so that tables keyed to
-- communes keep their references; readers see the old state until commit.
DELETE FROM commune_part;

DELETE FROM zone_commune;

DELETE FROM petr_member;

DELETE FROM territory_alias;

DELETE FROM territory t
WHERE NOT EXISTS (SELECT FROM new_territory n WHERE n.kind = t.kind AND n.code = t.code);

INSERT INTO territory AS t (kind, code, name, category, population, geom, label_point, vintage, source)
SELECT kind, code, name, category, population, geom, ST_PointOnSurface(geom), vintage, source FROM new_territory
ON CONFLICT (kind, code) DO UPDATE
SET name = excluded.name, category = excluded.category, population = excluded.population, geom = excluded.geom,
    label_point = excluded.label_point, vintage = excluded.vintage, source = excluded.source;

DELETE FROM commune c WHERE NOT EXISTS (SELECT FROM new_commune n WHERE n.code = c.code);

INSERT INTO commune AS c (code, name, departement, region, epci, petr, bassin_vie, postcodes, population, has_polygon, polygon_sources)
SELECT code, name, departement, region, epci, petr, bassin_vie, postcodes, population, geom IS NOT NULL, sources
FROM new_commune
ON CONFLICT (code) DO UPDATE
SET name = excluded.name, departement = excluded.departement, region = excluded.region, epci = excluded.epci,
    petr = excluded.petr, bassin_vie = excluded.bassin_vie, postcodes = excluded.postcodes,
    population = excluded.population, has_polygon = excluded.has_polygon, polygon_sources = excluded.polygon_sources;

INSERT INTO commune_part (code, geom)
SELECT code, ST_Subdivide(geom, 64) FROM new_commune WHERE geom IS NOT NULL;

INSERT INTO petr_member (petr_code, epci_code, source)
SELECT petr_code, epci_code, source FROM petr_epci;

INSERT INTO zone_commune (kind, code, commune_code)
SELECT DISTINCT z.kind, z.code, z.commune_code
FROM (SELECT kind, code, unnest(communes) AS commune_code FROM shape WHERE kind IN ('qpv', 'pnr')) z
JOIN region_commune rc ON rc.code = z.commune_code;

-- Former codes that records and links may still name (V10), each mapped to the territories of
-- the new state that replace it. A code of the new state is never an alias.
-- QPV of the superseded list (atlas.source.qpv_superseded, empty when absent): each current QPV
-- covering at least 5 % of its area, with that share (areas on the spheroid); none: withdrawn.
CREATE TEMP TABLE former_qpv ON COMMIT DROP AS
SELECT s.code, s.name, s.geom, ST_Area(s.geom::geography) AS area
FROM shape s
WHERE s.kind = 'qpv-superseded' AND s.code IS NOT NULL
  AND NOT EXISTS (SELECT FROM new_territory n WHERE n.kind = 'qpv' AND n.code = s.code);

INSERT INTO territory_alias (kind, code, name, vintage, current_code, share, reason)
SELECT DISTINCT ON (f.code, o.code) 'qpv', f.code, f.name, current_setting('atlas.vintage.qpv_superseded'), o.code, o.share,
       CASE WHEN o.code IS NULL THEN 'no QPV of ' || current_setting('atlas.vintage.qpv') || ' covers 5 % of its area'
            ELSE round(o.share * 100) || ' % of its area lies in this QPV of ' || current_setting('atlas.vintage.qpv') END
FROM former_qpv f
LEFT JOIN LATERAL (
  SELECT t.code, (ST_Area(ST_Intersection(t.geom, f.geom)::geography) / nullif(f.area, 0))::real AS share
  FROM new_territory t
  WHERE t.kind = 'qpv' AND ST_Intersects(t.geom, f.geom)
) o ON o.share >= 0.05
ORDER BY f.code, o.code;

-- Codes the manifest names as former ones of a kind (a PETR slug before its SIREN was known):
-- the territory of the new state with the same name; none: withdrawn, and reported.
INSERT INTO territory_alias (kind, code, name, vintage, current_code, share, reason)
SELECT DISTINCT ON (f.kind, f.code, t.code) f.kind, f.code, f.name, f.vintage, t.code, NULL::real, f.reason
FROM stage_former_code f
LEFT JOIN new_territory t ON t.kind = f.kind AND atlas_normalize(t.name) = atlas_normalize(f.name)
WHERE NOT EXISTS (SELECT FROM new_territory n WHERE n.kind = f.kind AND n.code = f.code)
ORDER BY f.kind, f.code, t.code;

INSERT INTO import_issue (kind, code, reason)
SELECT a.kind, a.code, 'former code: no current ' || a.kind || ' is named ' || a.name || ': recorded as withdrawn'
FROM territory_alias a JOIN stage_former_code f ON f.kind = a.kind AND f.code = a.code
WHERE a.current_code IS NULL;

-- Former communes, delegated or associated to a current one: their names still locate it.
DELETE FROM commune_alias;

INSERT INTO commune_alias (name_search, name, commune_code)
SELECT DISTINCT ON (atlas_normalize(d.name), r.code) atlas_normalize(d.name), d.name, r.code
FROM stage_commune_list d JOIN region_commune r ON r.code = d.chef_lieu
WHERE d.type IN ('commune-deleguee', 'commune-associee') AND atlas_normalize(d.name) <> atlas_normalize(r.name)
ORDER BY atlas_normalize(d.name), r.code, d.name;

-- Communes that share a border (duplicates are looked for in the same or a neighbouring commune).
DELETE FROM commune_neighbour;

INSERT INTO commune_neighbour (code, neighbour)
SELECT DISTINCT a.code, b.code
FROM commune_part a JOIN commune_part b ON a.geom && b.geom AND a.code <> b.code AND ST_Intersects(a.geom, b.geom);

-- Simplified display geometries of the new state, for choropleths (V4__coverage.sql).
SELECT atlas_refresh_territory_display();

-- The national list, so that locating tells a commune outside the region from no commune at all
-- (V8__france_communes.sql). Each code a source may give designates a current commune: itself, the
-- commune nouvelle of a delegated or associated commune, the commune of a municipal arrondissement,
-- or the commune that absorbed a former code.
DELETE FROM france_commune;

INSERT INTO france_commune (code, kind, name, name_search, commune, departement, region, postcodes)
SELECT DISTINCT ON (l.code, l.type) l.code, l.type, l.name, atlas_normalize(l.name),
       CASE l.type WHEN 'commune-actuelle' THEN l.code WHEN 'arrondissement-municipal' THEN l.parent ELSE l.chef_lieu END,
       l.departement, l.region, coalesce(l.postcodes, '{}')
FROM stage_commune_list l
WHERE l.code IS NOT NULL AND l.name IS NOT NULL AND l.departement IS NOT NULL AND l.region IS NOT NULL
  AND (l.type = 'commune-actuelle' OR (l.type = 'arrondissement-municipal' AND l.parent IS NOT NULL)
       OR (l.type IN ('commune-deleguee', 'commune-associee') AND l.chef_lieu IS NOT NULL))
ORDER BY l.code, l.type;

INSERT INTO france_commune (code, kind, name, name_search, commune, departement, region, postcodes)
SELECT DISTINCT ON (f.former) f.former, 'ancien-code', l.name, atlas_normalize(l.name), l.code, l.departement, l.region, '{}'
FROM (SELECT code, unnest(former_codes) AS former FROM stage_commune_list WHERE type = 'commune-actuelle') f
JOIN stage_commune_list l ON l.code = f.code AND l.type = 'commune-actuelle'
WHERE l.name IS NOT NULL AND l.departement IS NOT NULL AND l.region IS NOT NULL
ORDER BY f.former, l.code;

DELETE FROM france_departement;

INSERT INTO france_departement (code, name, region)
SELECT DISTINCT ON (code) code, name, region FROM stage_departement
WHERE code IS NOT NULL AND name IS NOT NULL
ORDER BY code;

-- The kinds of territory experiences are searched and compared by (rural or urban bassin de vie
-- and EPCI), from the new state (V24__experiences.sql).
SELECT atlas_refresh_territory_typology();
