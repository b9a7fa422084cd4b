-- Adds a scheduled source, or replaces its settings (then it is due at once).
-- Parameters: name, record kind, format, url, mapping, mapping file, keep out of region, refresh period (ISO 8601).
INSERT INTO scheduled_source (name, record_kind, format, url, mapping, mapping_file, keep_out_of_region, refresh_period, next_due)
VALUES (?, ?, ?, ?, ?, ?, ?, ?::interval, now())
ON CONFLICT (name) DO UPDATE SET record_kind = excluded.record_kind, format = excluded.format, url = excluded.url,
  mapping = excluded.mapping, mapping_file = excluded.mapping_file, keep_out_of_region = excluded.keep_out_of_region,
  refresh_period = excluded.refresh_period, next_due = excluded.next_due
RETURNING (xmax = 0) AS added;
