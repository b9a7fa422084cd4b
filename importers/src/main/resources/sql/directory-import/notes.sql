-- What the SQL worked around without rejecting a row (locate.sql), one line each, for the
-- report's tally beside what the cleaner noticed.
SELECT note, line FROM stage_note ORDER BY note, line;
