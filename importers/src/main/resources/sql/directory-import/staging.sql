-- The staging table of one directory import, filled by COPY from CleanedRecord (same columns, same
-- order) and gone at commit. Rows the cleaner rejected carry their reason and stay here until
-- locate.sql moves them to the reject list.
SET LOCAL client_min_messages = warning;

SET LOCAL work_mem = '64MB';

SET LOCAL pg_trgm.similarity_threshold = 0.6;

CREATE TEMP TABLE stage_record (
  line bigint, external_id text, name text, name_search text, type text, status text, themes text[],
  description text, lessons_learned text, start_date date, end_date date, address text, postcode text,
  commune_name text, commune_name_search text, commune_code text, territory_kind text, territory_code text,
  lon float8, lat float8, coordinates_note text, website text, website_host text, email text, phone text,
  siren text, rna text, carriers text[], content_hash text, reject text, reject_detail text,
  name_words text, name_kinds text, private_name text, natural_person boolean
) ON COMMIT DROP;

-- The rows of a re-import that skip locating and publishing (unchanged.sql; events never do).
CREATE TEMP TABLE stage_unchanged (line bigint, external_id text, id bigint, seen boolean, natural_person boolean) ON COMMIT DROP;
