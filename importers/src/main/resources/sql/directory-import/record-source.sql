-- The source a run reads: added on its first run, its format and last run updated on the next.
-- Its licence (name and URL, which go together) and attribution are replaced when the run gives
-- them and kept when it does not, so that a re-import without them loses nothing.
-- Parameters: name, format, first run, last run, licence, licence URL, attribution.
-- Returns the licence now on record (NULL: unknown, which the report warns about).
INSERT INTO source (name, format, first_run, last_run, licence, licence_url, attribution)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (name) DO UPDATE SET format = excluded.format, last_run = excluded.last_run,
  licence = coalesce(excluded.licence, source.licence),
  licence_url = CASE WHEN excluded.licence IS NULL THEN source.licence_url ELSE excluded.licence_url END,
  attribution = coalesce(excluded.attribution, source.attribution)
RETURNING licence, licence_url, attribution;
