-- What a scheduled run did, and when the source is due again (one period after this run began).
-- Parameters: run began at, status, message, import run id, run began at (again), name.
UPDATE scheduled_source
SET last_run_at = ?, last_status = ?, last_message = left(?, 4000), last_run_id = coalesce(?, last_run_id),
    next_due = ?::timestamptz + refresh_period
WHERE name = ?;
