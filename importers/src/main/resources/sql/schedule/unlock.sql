SELECT pg_advisory_unlock(hashtext('atlas.scheduled-import'));
