-- What the SQL worked around without rejecting a row (locate.sql), one line each, for the
-- report's tally beside what the cleaner noticed.
SELECT note, line FROM stage_note
UNION ALL
SELECT note, line FROM stage_alias_note -- territory-alias.sql
ORDER BY note, line;
