-- Sources read from a URL, and the sources the service re-imports on a schedule.
-- Neither table is granted to the reader role: a URL may carry an access token, and the service
-- reads and writes them through its owner connection (the scheduled import), never as the reader.

-- What the last successful download of a source answered, sent back as If-None-Match /
-- If-Modified-Since so that an unchanged file is not downloaded nor imported again. Written after
-- the import that read the download committed; kept for one URL (another URL starts afresh).
CREATE TABLE source_download (
  source        text PRIMARY KEY,
  url           text NOT NULL,
  etag          text,
  last_modified text,             -- the server's HTTP date, sent back as it came
  downloaded_at timestamptz NOT NULL,
  checked_at    timestamptz NOT NULL
);

-- Directory sources re-imported on a schedule by the map service (./atlas import schedule add).
CREATE TABLE scheduled_source (
  name               text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,99}$'),
  record_kind        text NOT NULL CHECK (record_kind IN ('actor', 'initiative')),
  format             text NOT NULL CHECK (format IN ('csv', 'geojson', 'gogocarto', 'rna')),
  url                text NOT NULL CHECK (url ~* '^https?://'),
  mapping            text CHECK (length(mapping) <= 1000000), -- the mapping (YAML or JSON) itself: any instance can run it
  mapping_file       text,        -- where it was read from, for the listing
  keep_out_of_region boolean NOT NULL DEFAULT false,
  refresh_period     interval NOT NULL CHECK (refresh_period >= interval '1 minute'),
  next_due           timestamptz NOT NULL DEFAULT now(),
  last_run_at        timestamptz,
  last_status        text CHECK (last_status IN ('succeeded', 'unchanged', 'failed')),
  last_message       text CHECK (length(last_message) <= 4000),
  last_run_id        bigint,      -- the import_run of the last import, when one ran
  created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scheduled_source_next_due ON scheduled_source (next_due);
