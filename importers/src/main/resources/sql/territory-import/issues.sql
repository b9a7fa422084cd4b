-- What publish.sql found wrong in the sources (a geometry repaired or skipped, a commune without
-- polygon...), grouped by kind and reason, for the report.
SELECT kind, code, reason FROM import_issue ORDER BY kind, reason, code;
