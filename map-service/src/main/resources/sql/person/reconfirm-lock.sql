-- Held until the end of the re-confirmation turn's transaction: one instance runs it at a time.
SELECT pg_try_advisory_xact_lock(hashtext('atlas.person-reconfirmation'))
