-- One scheduled-import turn at a time across every service instance: a session lock, taken on a
-- connection of its own and released (or dropped with the session) when the turn ends.
SELECT pg_try_advisory_lock(hashtext('atlas.scheduled-import'));
