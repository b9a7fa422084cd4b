-- Held until the end of the rights escalation turn's transaction: one instance escalates at a time.
SELECT pg_try_advisory_xact_lock(hashtext('atlas.rights-escalation'))
