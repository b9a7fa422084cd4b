-- An import run: 'succeeded' inside the run's transaction as it starts (finish-run.sql adds its
-- figures, and it is gone if the run rolls back), or 'failed' with its error after a rollback.
-- Returns its id, the atlas.import.run setting that provenance refers to.
-- Parameters: record kind, source, format, file, started at, finished at, status, error.
INSERT INTO import_run (record_kind, source, format, file, started_at, finished_at, status, error)
VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id;
