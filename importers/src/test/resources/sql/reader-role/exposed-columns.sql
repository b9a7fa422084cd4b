-- The columns the current role may SELECT that are private or made from a private column:
-- a generated column computed from one, or any column of a view (or materialized view) whose
-- query reads one, directly or through another view. PostgreSQL records which columns a view's
-- query reads, not which output column each feeds, so such a view counts as exposed as a whole:
-- even a view that only filters on a private column tells part of it. Whole-row references
-- (to_jsonb(a)) are recorded as a dependency on the whole table, like any FROM, and go unseen
-- here: the canary scan catches those.
WITH RECURSIVE tainted(relid, attnum) AS (
  SELECT a.attrelid, a.attnum::integer
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
  WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
    AND col_description(a.attrelid, a.attnum) LIKE 'private:%'
  UNION
  -- attnum 0: every column of a view that reads a tainted column
  SELECT CASE WHEN d.classid = 'pg_rewrite'::regclass THEN r.ev_class ELSE d.objid END,
         CASE WHEN d.classid = 'pg_rewrite'::regclass THEN 0 ELSE d.objsubid END
  FROM tainted t
  JOIN pg_depend d ON d.refclassid = 'pg_class'::regclass AND d.refobjid = t.relid
   AND (d.refobjsubid = t.attnum OR (t.attnum = 0 AND d.refobjsubid > 0))
  LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
  WHERE r.oid IS NOT NULL
     OR (d.classid = 'pg_class'::regclass AND d.objid = d.refobjid AND d.objsubid > 0)  -- generated columns
)
SELECT c.relname AS relation, a.attname AS "column",
       CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' ELSE 'table' END AS kind
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'public'::regnamespace
  AND c.relkind IN ('r', 'p', 'm', 'f', 'v')
  AND has_column_privilege(c.oid, a.attnum, 'SELECT')
  AND EXISTS (SELECT FROM tainted t WHERE t.relid = c.oid AND t.attnum IN (0, a.attnum))
ORDER BY 1, 2
