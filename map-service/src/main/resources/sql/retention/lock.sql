-- Held until the end of the retention turn's transaction: one instance at a time.
SELECT pg_try_advisory_xact_lock(hashtext('atlas.retention'))
