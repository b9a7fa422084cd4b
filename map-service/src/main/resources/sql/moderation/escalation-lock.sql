-- Held until the end of the escalation turn's transaction: one instance escalates at a time.
SELECT pg_try_advisory_xact_lock(hashtext('atlas.moderation-escalation'))
