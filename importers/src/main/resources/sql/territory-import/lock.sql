-- One reference import at a time: a run waits here for the one before it to end. The lock is the
-- transaction's, so a commit, a rollback or a killed session releases it.
SELECT pg_advisory_xact_lock(hashtext('atlas.territory-import'));
