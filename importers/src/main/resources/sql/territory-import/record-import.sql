-- What a reference import loaded, for the health page and for reviewing a run: written in the
-- import's transaction, so only a run that commits leaves a row.
-- Parameters: started at, finished at, data directory, report (JSON).
INSERT INTO territory_import (started_at, finished_at, data_dir, report) VALUES (?, ?, ?, ?::jsonb);
