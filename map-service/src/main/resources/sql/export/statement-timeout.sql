-- The statement timeout of the current transaction only (SET LOCAL): an export reads more rows
-- than any page, so it gets its own, larger limit; the pool's connections keep theirs.
SELECT set_config('statement_timeout', :milliseconds, true);
