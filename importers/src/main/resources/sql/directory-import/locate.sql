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
CREATE TEMP TABLE commune_key ON COMMIT DROP AS
SELECT atlas_normalize(name) AS name_search, code, postcodes FROM commune
UNION ALL
SELECT a.name_search, c.code, c.postcodes FROM commune_alias a JOIN commune c ON c.code = a.commune_code;

CREATE INDEX ON commune_key (name_search);

ANALYZE commune_key;

-- The candidate places of each row; which one wins is decided below.
CREATE TEMP TABLE stage_place ON COMMIT DROP AS
SELECT s.line,
       at_point.code AS point_commune,
       -- the commune the row names, by INSEE code, else name (and postcode), else postcode alone
       coalesce(by_code.code, by_name.code, by_postcode.code) AS named_commune,
       by_name.matches AS name_matches, by_postcode.matches AS postcode_matches,
       zone.code IS NOT NULL AS territory_found, zone.label_point AS territory_point, zone.commune AS territory_commune
FROM stage_record s
LEFT JOIN LATERAL (
  SELECT p.code FROM commune_part p
  WHERE s.lon IS NOT NULL AND ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326))
  LIMIT 1
) at_point ON true
LEFT JOIN commune by_code ON by_code.code = s.commune_code
LEFT JOIN LATERAL (
  SELECT CASE WHEN count(DISTINCT k.code) FILTER (WHERE k.postcodes @> ARRAY[s.postcode]) = 1
              THEN min(k.code) FILTER (WHERE k.postcodes @> ARRAY[s.postcode])
              WHEN count(DISTINCT k.code) = 1 THEN min(k.code) END AS code,
         count(DISTINCT k.code) AS matches
  FROM commune_key k
  WHERE at_point.code IS NULL AND by_code.code IS NULL AND k.name_search = s.commune_name_search
) by_name ON s.commune_name_search <> ''
LEFT JOIN LATERAL (
  SELECT CASE WHEN count(*) = 1 THEN min(c.code) END AS code, count(*) AS matches
  FROM commune c
  WHERE at_point.code IS NULL AND by_code.code IS NULL AND s.commune_name_search IS NULL
    AND c.postcodes @> ARRAY[s.postcode]
) by_postcode ON s.postcode IS NOT NULL
LEFT JOIN LATERAL (
  SELECT t.code, t.label_point,
         (SELECT p.code FROM commune_part p WHERE ST_Intersects(p.geom, t.label_point) LIMIT 1) AS commune
  FROM territory t
  WHERE s.territory_kind IS NOT NULL AND t.kind = s.territory_kind AND t.code = s.territory_code
) zone ON true
WHERE s.reject IS NULL;

CREATE TEMP TABLE stage_decided ON COMMIT DROP AS
SELECT p.line,
       CASE WHEN s.territory_kind IS NOT NULL THEN CASE WHEN p.territory_found THEN 'territory' END
            WHEN p.point_commune IS NOT NULL THEN 'address'
            WHEN p.named_commune IS NOT NULL THEN 'commune'
            WHEN s.lon IS NOT NULL AND current_setting('atlas.import.keep_out_of_region') = 'true' THEN 'address'
       END AS precision,
       CASE WHEN s.territory_kind IS NOT NULL THEN p.territory_commune
            ELSE coalesce(p.point_commune, p.named_commune) END AS commune,
       CASE
         WHEN s.territory_kind IS NOT NULL AND NOT p.territory_found THEN
           ARRAY['territory not found', s.territory_kind || ':' || s.territory_code || ' is not a territory of the region']
         WHEN s.territory_kind IS NOT NULL OR p.point_commune IS NOT NULL
           OR p.named_commune IS NOT NULL THEN NULL
         WHEN s.lon IS NOT NULL AND current_setting('atlas.import.keep_out_of_region') = 'true' THEN NULL
         WHEN s.lon IS NOT NULL THEN
           ARRAY['outside the region', 'the point ' || s.lon || ', ' || s.lat || ' (lon, lat) is in no commune of the region']
         WHEN s.commune_code IS NOT NULL THEN
           ARRAY['commune not found', 'INSEE code ' || s.commune_code || ' is not a commune of the region']
         WHEN p.name_matches > 1 THEN
           ARRAY['ambiguous commune', '''' || s.commune_name || ''' names ' || p.name_matches
                 || ' communes of the region; add the postcode or the INSEE code']
         WHEN s.commune_name IS NOT NULL THEN
           ARRAY['commune not found', 'no commune of the region is named ''' || s.commune_name || ''''
                 || coalesce(' (postcode ' || s.postcode || ')', '')]
         WHEN p.postcode_matches > 1 THEN
           ARRAY['ambiguous commune', 'postcode ' || s.postcode || ' covers ' || p.postcode_matches
                 || ' communes; add the commune name or the INSEE code']
         WHEN s.postcode IS NOT NULL THEN
           ARRAY['commune not found', 'postcode ' || s.postcode || ' is not a postcode of the region']
         WHEN s.coordinates_note = 'unreadable' THEN
           ARRAY['bad coordinates', 'the coordinates cannot be read and nothing else locates the row']
         ELSE ARRAY['no location', 'no coordinates, commune, postcode or territory']
       END AS reject
FROM stage_place p JOIN stage_record s ON s.line = p.line;

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
SELECT 'coordinates outside the region: located by the commune named', p.line
FROM stage_place p JOIN stage_record s ON s.line = p.line
WHERE s.lon IS NOT NULL AND p.point_commune IS NULL AND s.territory_kind IS NULL
  AND NOT EXISTS (SELECT FROM stage_duplicate x WHERE x.line = p.line)
  AND p.named_commune IS NOT NULL;

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
