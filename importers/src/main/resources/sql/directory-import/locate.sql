-- Locates every staged row and derives its territory keys, in set-based SQL over the whole batch.
-- Setting: atlas.import.keep_out_of_region ('true' keeps rows outside the region, flagged).
-- Produces stage_located (the rows to publish) and stage_reject (every row not published, with
-- its line and reason); stage_note counts what was worked around.

ANALYZE stage_record (line, external_id, reject);

CREATE TEMP TABLE stage_reject ON COMMIT DROP AS
SELECT line, reject AS reason, reject_detail AS detail, name, address, postcode, commune_name, commune_code, lat, lon
FROM stage_record WHERE reject IS NOT NULL;

CREATE TEMP TABLE stage_note (note text, line bigint) ON COMMIT DROP;

-- Every name that designates a commune of the region: its own, and its former communes' names.
-- (The territory row of a commune holds its name normalised already.)
CREATE TEMP TABLE commune_key ON COMMIT DROP AS
SELECT coalesce(t.name_search, atlas_normalize(c.name)) AS name_search, c.code, c.postcodes, c.departement
FROM commune c LEFT JOIN territory t ON t.kind = 'commune' AND t.code = c.code
UNION ALL
SELECT a.name_search, c.code, c.postcodes, c.departement FROM commune_alias a JOIN commune c ON c.code = a.commune_code;

CREATE INDEX ON commune_key (name_search);

ANALYZE commune_key;

-- What each INSEE code of the batch designates in France (france_commune, V8): a current commune,
-- or the commune a delegated, associated or former commune is now part of; in the region or not,
-- with a label naming it and its département. The region's communes come first, so that their
-- codes locate even where the national list has not been loaded.
CREATE TEMP TABLE code_place ON COMMIT DROP AS
SELECT DISTINCT ON (k.code) k.code, rc.code AS region_commune,
       k.name || ', ' || coalesce(d.name || ' (' || k.departement || ')', 'département ' || k.departement) AS label
FROM (SELECT c.code, c.code AS commune, c.name, c.departement, 0 AS rank FROM commune c
      UNION ALL
      SELECT f.code, f.commune, f.name, f.departement,
             CASE f.kind WHEN 'commune-actuelle' THEN 1 WHEN 'ancien-code' THEN 3 ELSE 2 END
      FROM france_commune f) k
LEFT JOIN commune rc ON rc.code = k.commune
LEFT JOIN france_departement d ON d.code = k.departement
WHERE k.code IN (SELECT commune_code FROM stage_record WHERE commune_code IS NOT NULL)
ORDER BY k.code, k.rank, k.commune;

-- The communes of France that have each postcode of the batch, in the region or not (the
-- region's own too, for a database whose national list is not loaded yet; only the national
-- list's rows need a name, to name a commune outside the region).
CREATE TEMP TABLE postcode_commune ON COMMIT DROP AS
SELECT DISTINCT k.postcode, k.commune, k.name_search, k.name, k.departement, rc.code IS NOT NULL AS in_region
FROM (SELECT p.postcode, k.code AS commune, k.name_search, NULL AS name, k.departement
      FROM commune_key k CROSS JOIN LATERAL unnest(k.postcodes) p (postcode)
      UNION ALL
      SELECT p.postcode, f.commune, f.name_search, f.name, f.departement
      FROM france_commune f CROSS JOIN LATERAL unnest(f.postcodes) p (postcode)
      WHERE f.kind IN ('commune-actuelle', 'arrondissement-municipal')) k
LEFT JOIN commune rc ON rc.code = k.commune
WHERE k.postcode IN (SELECT postcode FROM stage_record WHERE postcode IS NOT NULL);

CREATE INDEX ON postcode_commune (postcode);

CREATE TEMP TABLE postcode_place ON COMMIT DROP AS
SELECT postcode, count(DISTINCT commune) FILTER (WHERE in_region) AS region_communes,
       min(commune) FILTER (WHERE in_region) AS region_commune, array_agg(DISTINCT departement) AS departements
FROM postcode_commune GROUP BY postcode;

ANALYZE code_place;

ANALYZE postcode_place;

-- The candidate places of each row; which one wins is decided below. A row's INSEE code, when
-- France knows it, designates its commune whatever the row's name says; a name locates only when
-- the postcode, if France knows it, agrees: a commune of that postcode, or at least of one of its
-- départements (sources often give the postcode of the neighbouring post office).
CREATE TEMP TABLE stage_place ON COMMIT DROP AS
SELECT s.line,
       -- a point in the region does not overrule an INSEE code of a commune outside it: geocoders
       -- place homonyms too, and a point across a border is as likely as a wrong code
       CASE WHEN cp.code IS NULL OR cp.region_commune IS NOT NULL THEN at_point.code END AS point_commune,
       at_point.code AS point_in,
       cp.code IS NOT NULL AS code_known, cp.region_commune AS code_commune,
       CASE WHEN cp.code IS NOT NULL AND cp.region_commune IS NULL THEN cp.label END AS code_outside,
       CASE WHEN pp.postcode IS NULL THEN CASE WHEN by_name.matches = 1 THEN by_name.any_code END
            WHEN by_name.exact = 1 THEN by_name.exact_code
            WHEN by_name.exact = 0 AND by_name.near = 1 THEN by_name.near_code END AS name_commune,
       by_name.matches AS name_matches,
       coalesce(pp.postcode IS NOT NULL AND by_name.matches > 0 AND by_name.exact = 0 AND by_name.near = 0, false)
         AS name_contradicted,
       pp.postcode IS NOT NULL AS postcode_known, pp.region_communes AS postcode_matches,
       CASE WHEN s.commune_name_search IS NULL AND pp.region_communes = 1 THEN pp.region_commune END AS postcode_commune,
       zone.code IS NOT NULL AS territory_found, zone.label_point AS territory_point, zone.commune AS territory_commune
FROM stage_record s
LEFT JOIN LATERAL (
  SELECT p.code FROM commune_part p
  WHERE s.lon IS NOT NULL AND ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326))
  LIMIT 1
) at_point ON true
LEFT JOIN code_place cp ON cp.code = s.commune_code
LEFT JOIN postcode_place pp ON pp.postcode = s.postcode
LEFT JOIN LATERAL (
  SELECT count(DISTINCT k.code) AS matches, min(k.code) AS any_code,
         count(DISTINCT k.code) FILTER (WHERE k.postcodes @> ARRAY[s.postcode]) AS exact,
         min(k.code) FILTER (WHERE k.postcodes @> ARRAY[s.postcode]) AS exact_code,
         count(DISTINCT k.code) FILTER (WHERE k.departement = ANY (pp.departements)) AS near,
         min(k.code) FILTER (WHERE k.departement = ANY (pp.departements)) AS near_code
  FROM commune_key k
  WHERE at_point.code IS NULL AND cp.code IS NULL AND k.name_search = s.commune_name_search
) by_name ON s.commune_name_search <> ''
LEFT JOIN LATERAL (
  SELECT t.code, t.label_point,
         (SELECT p.code FROM commune_part p WHERE ST_Intersects(p.geom, t.label_point) LIMIT 1) AS commune
  FROM territory t
  WHERE s.territory_kind IS NOT NULL AND t.kind = s.territory_kind AND t.code = s.territory_code
) zone ON true
WHERE s.reject IS NULL; -- (rows a re-import found unchanged are no longer in stage_record: narrow.sql)

-- Statistics for the joins below: without them the planner expected a few hundred rows and
-- hashed the wide stage_record instead (4 batches on disk at 500,000 rows).
ANALYZE stage_place;

-- The commune each row designates without its point, and whether a point outside the region
-- contradicts it: farther than 5 km from the commune (the ST_DWithin in degrees, 0.1 being more
-- than 5 km at these latitudes, only lets the GiST index discard the far points at once).
CREATE TEMP TABLE stage_named ON COMMIT DROP AS
SELECT p.*, n.named_commune,
       n.named_commune IS NOT NULL AND s.lon IS NOT NULL AND p.point_commune IS NULL AND s.territory_kind IS NULL
         AND near.code IS NULL AS point_contradicts
FROM stage_place p
JOIN stage_record s ON s.line = p.line
CROSS JOIN LATERAL (
  SELECT coalesce(p.code_commune, CASE WHEN NOT p.code_known THEN coalesce(p.name_commune, p.postcode_commune) END)
         AS named_commune
) n
LEFT JOIN LATERAL (
  SELECT cp.code FROM commune_part cp
  WHERE s.lon IS NOT NULL AND p.point_commune IS NULL AND s.territory_kind IS NULL AND n.named_commune IS NOT NULL
    AND cp.code = n.named_commune AND ST_DWithin(cp.geom, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326), 0.1)
    AND ST_DWithin(cp.geom::geography, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326)::geography, 5000)
  LIMIT 1
) near ON true;

-- Why a row that nothing places in the region is outside it: its INSEE code, its point far from
-- the commune it names, its postcode, or its point alone.
CREATE TEMP TABLE stage_outside ON COMMIT DROP AS
SELECT p.line,
       CASE
         WHEN p.code_outside IS NOT NULL THEN
           'INSEE code ' || s.commune_code || ' is ' || p.code_outside || ', outside the region'
           || coalesce(' (its point is in ' || (SELECT c2.name FROM commune c2 WHERE c2.code = p.point_in) || ', '
                       || p.point_in || ')', '')
         WHEN p.point_contradicts THEN
           'the point ' || s.lon || ', ' || s.lat || ' (lon, lat) is in no commune of the region, '
           || coalesce('about ' || (SELECT round(ST_Distance(t.label_point::geography,
                                                            ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326)::geography) / 1000)
                                    FROM territory t WHERE t.kind = 'commune' AND t.code = p.named_commune) || ' km', 'far')
           || ' from ' || c.name || ' (' || c.code || '), the commune the row names'
         WHEN p.named_commune IS NULL AND p.postcode_known AND p.postcode_matches = 0 THEN
           'postcode ' || s.postcode || ' is '
           || (SELECT CASE WHEN pc.name_search = s.commune_name_search THEN 'that of ' || pc.name || ', ' ELSE 'in ' END
                      || coalesce(d.name || ' (' || pc.departement || ')', 'département ' || pc.departement)
               FROM postcode_commune pc LEFT JOIN france_departement d ON d.code = pc.departement
               WHERE pc.postcode = s.postcode
               ORDER BY pc.name_search IS NOT DISTINCT FROM s.commune_name_search DESC, pc.commune LIMIT 1)
           || ', outside the region'
         WHEN p.named_commune IS NULL AND s.lon IS NOT NULL THEN
           'the point ' || s.lon || ', ' || s.lat || ' (lon, lat) is in no commune of the region'
       END AS detail
FROM stage_named p
JOIN stage_record s ON s.line = p.line
LEFT JOIN commune c ON c.code = p.named_commune
WHERE s.territory_kind IS NULL AND p.point_commune IS NULL
  AND (p.named_commune IS NULL OR p.point_contradicts OR p.code_outside IS NOT NULL);

CREATE TEMP TABLE stage_decided ON COMMIT DROP AS
SELECT p.line,
       CASE WHEN s.territory_kind IS NOT NULL THEN CASE WHEN p.territory_found THEN 'territory' END
            WHEN p.point_commune IS NOT NULL THEN 'address'
            WHEN p.named_commune IS NOT NULL AND NOT p.point_contradicts THEN 'commune'
            WHEN o.detail IS NOT NULL AND s.lon IS NOT NULL AND current_setting('atlas.import.keep_out_of_region') = 'true'
              THEN 'address'
       END AS precision,
       CASE WHEN s.territory_kind IS NOT NULL THEN p.territory_commune
            WHEN p.point_commune IS NOT NULL THEN p.point_commune
            WHEN NOT p.point_contradicts THEN p.named_commune END AS commune,
       CASE
         WHEN s.territory_kind IS NOT NULL AND NOT p.territory_found THEN
           ARRAY['territory not found', s.territory_kind || ':' || s.territory_code || ' is not a territory of the region']
         WHEN s.territory_kind IS NOT NULL OR p.point_commune IS NOT NULL THEN NULL
         WHEN p.named_commune IS NOT NULL AND NOT p.point_contradicts THEN NULL
         WHEN o.detail IS NOT NULL AND s.lon IS NOT NULL AND current_setting('atlas.import.keep_out_of_region') = 'true'
           THEN NULL
         WHEN o.detail IS NOT NULL THEN ARRAY['outside the region', o.detail]
         WHEN s.commune_code IS NOT NULL AND s.commune_name IS NULL AND s.postcode IS NULL THEN
           ARRAY['commune not found', 'INSEE code ' || s.commune_code || ' is not a commune of the region']
         WHEN p.name_contradicted THEN
           ARRAY['commune not found', '''' || s.commune_name || ''' names '
                 || CASE WHEN p.name_matches = 1 THEN 'a commune' ELSE p.name_matches || ' communes' END
                 || ' of the region, none with postcode ' || s.postcode || ' or in its département']
         WHEN p.name_matches > 1 THEN
           ARRAY['ambiguous commune', '''' || s.commune_name || ''' names ' || p.name_matches
                 || ' communes of the region; add the postcode or the INSEE code']
         WHEN s.commune_name IS NOT NULL THEN
           ARRAY['commune not found', 'no commune of the region is named ''' || s.commune_name || ''''
                 || coalesce(' (postcode ' || s.postcode || ')', '')
                 || coalesce(' and INSEE code ' || s.commune_code || ' is no commune', '')]
         WHEN p.postcode_matches > 1 THEN
           ARRAY['ambiguous commune', 'postcode ' || s.postcode || ' covers ' || p.postcode_matches
                 || ' communes; add the commune name or the INSEE code']
         WHEN s.postcode IS NOT NULL THEN
           ARRAY['commune not found', 'postcode ' || s.postcode || ' is not a postcode of the region'
                 || coalesce(' and INSEE code ' || s.commune_code || ' is no commune', '')]
         WHEN s.coordinates_note = 'unreadable' THEN
           ARRAY['bad coordinates', 'the coordinates cannot be read and nothing else locates the row']
         ELSE ARRAY['no location', 'no coordinates, commune, postcode or territory']
       END AS reject
FROM stage_named p
JOIN stage_record s ON s.line = p.line
LEFT JOIN stage_outside o ON o.line = p.line;

ANALYZE stage_decided;

-- A second good row with the external id of an earlier good one is a duplicate: the first is
-- kept. Decided after locating, so that a rejected first row does not hide a good second one.
CREATE TEMP TABLE stage_duplicate ON COMMIT DROP AS
SELECT line, first_line
FROM (SELECT s.line, min(s.line) OVER (PARTITION BY s.external_id) AS first_line
      FROM stage_decided d JOIN stage_record s ON s.line = d.line WHERE d.reject IS NULL) x
WHERE line <> first_line;

CREATE INDEX ON stage_duplicate (line);

INSERT INTO stage_reject
SELECT s.line, 'duplicate row', 'same id ''' || s.external_id || ''' as line ' || d.first_line, s.name, s.address,
       s.postcode, s.commune_name, s.commune_code, s.lat, s.lon
FROM stage_record s JOIN stage_duplicate d ON d.line = s.line;

INSERT INTO stage_reject
SELECT s.line, d.reject[1], d.reject[2], s.name, s.address, s.postcode, s.commune_name, s.commune_code, s.lat, s.lon
FROM stage_decided d JOIN stage_record s ON s.line = d.line
WHERE d.reject IS NOT NULL;

INSERT INTO stage_note (note, line)
SELECT 'coordinates outside the region: located by the commune named', d.line
FROM stage_decided d JOIN stage_record s ON s.line = d.line
WHERE s.lon IS NOT NULL AND d.precision = 'commune'
  AND NOT EXISTS (SELECT FROM stage_duplicate x WHERE x.line = d.line);

INSERT INTO stage_note (note, line)
SELECT 'kept outside the region (flagged)', d.line
FROM stage_decided d WHERE d.reject IS NULL AND d.commune IS NULL
  AND NOT EXISTS (SELECT FROM stage_duplicate x WHERE x.line = d.line);

-- The rows to publish, with their point and territory keys.
CREATE TEMP TABLE stage_located ON COMMIT DROP AS
SELECT s.*, d.precision, d.commune IS NULL AS out_of_region,
       CASE d.precision
         WHEN 'address' THEN ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326)
         WHEN 'territory' THEN p.territory_point
         ELSE ct.label_point END AS geom,
       d.commune, c.epci, c.petr, c.bassin_vie, c.departement, c.region
FROM stage_decided d
JOIN stage_record s ON s.line = d.line
JOIN stage_place p ON p.line = d.line
LEFT JOIN commune c ON c.code = d.commune
LEFT JOIN territory ct ON ct.kind = 'commune' AND ct.code = d.commune AND d.precision = 'commune'
WHERE d.reject IS NULL AND NOT EXISTS (SELECT FROM stage_duplicate x WHERE x.line = d.line);

INSERT INTO stage_reject
SELECT s.line, 'commune without polygon', 'commune ' || s.commune || ' has no polygon in the reference data to place the row on',
       s.name, s.address, s.postcode, s.commune_name, s.commune_code, s.lat, s.lon
FROM stage_located s WHERE s.geom IS NULL;

DELETE FROM stage_located WHERE geom IS NULL;

CREATE UNIQUE INDEX ON stage_located (line);

CREATE INDEX ON stage_located (external_id);

ANALYZE stage_located (line, external_id, commune, name_search);
