-- Each relation of schema public the current role may read (but the extensions' own, such as
-- spatial_ref_sys), with the query that counts its rows holding one of the canary values
-- (:canaries, LIKE patterns) in a column it may read. Geometries are left out: a canary is text.
SELECT c.relname AS relation,
       format('SELECT count(*) FROM public.%I WHERE concat_ws(%L, %s) LIKE ANY (?)', c.relname, ' | ',
              string_agg(format('%I', a.attname), ', ' ORDER BY a.attnum)) AS scan
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
WHERE c.relnamespace = 'public'::regnamespace
  AND c.relkind IN ('r', 'p', 'm', 'f', 'v')
  AND has_column_privilege(c.oid, a.attnum, 'SELECT')
  AND t.typname NOT IN ('geometry', 'geography')
  AND NOT EXISTS (SELECT FROM pg_depend e
                  WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
GROUP BY c.oid, c.relname
ORDER BY 1
