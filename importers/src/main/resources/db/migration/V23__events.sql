-- Events come from calendars (./atlas import events --format ics): their import runs are recorded
-- as the directories' are, and a calendar feed can be re-imported on a schedule. The V2/V12
-- checks listed actors and initiatives only.
ALTER TABLE import_run DROP CONSTRAINT import_run_record_kind_check;
ALTER TABLE import_run ADD CONSTRAINT import_run_record_kind_check
  CHECK (record_kind IN ('actor', 'initiative', 'event'));
ALTER TABLE scheduled_source DROP CONSTRAINT scheduled_source_record_kind_check;
ALTER TABLE scheduled_source ADD CONSTRAINT scheduled_source_record_kind_check
  CHECK (record_kind IN ('actor', 'initiative', 'event'));
ALTER TABLE scheduled_source DROP CONSTRAINT scheduled_source_format_check;
ALTER TABLE scheduled_source ADD CONSTRAINT scheduled_source_format_check
  CHECK (format IN ('csv', 'geojson', 'gogocarto', 'rna', 'ics'));
