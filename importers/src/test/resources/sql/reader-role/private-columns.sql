-- Every column of schema public marked private: its comment starts with "private:" (the
-- convention of V7__public_views.sql). Readable by any role: the catalogs are public.
SELECT c.relname AS relation, a.attname AS "column"
FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = 'public'::regnamespace
  AND c.relkind IN ('r', 'p', 'm', 'f', 'v')
  AND col_description(c.oid, a.attnum) LIKE 'private:%'
ORDER BY 1, 2
