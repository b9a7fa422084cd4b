-- The figures and the report of a run that succeeded, before its commit.
-- Parameters: read, inserted, updated, unchanged, merged, rejected, no longer seen, reject file,
-- report (JSON), run id.
UPDATE import_run SET finished_at = clock_timestamp(), read = ?, inserted = ?, updated = ?, unchanged = ?, merged = ?,
  rejected = ?, no_longer_seen = ?, reject_file = ?, report = ?::jsonb
WHERE id = ?;
