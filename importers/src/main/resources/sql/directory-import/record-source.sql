-- The source a run reads: added on its first run, its format and last run updated on the next.
-- Parameters: name, format, first run, last run.
INSERT INTO source (name, format, first_run, last_run) VALUES (?, ?, ?, ?)
ON CONFLICT (name) DO UPDATE SET format = excluded.format, last_run = excluded.last_run;
