-- A scheduled job's turn: held until the end of the turn's transaction, so that one instance of
-- the service runs the job at a time (the others skip their turn).
SELECT pg_try_advisory_xact_lock(hashtext(:job))
