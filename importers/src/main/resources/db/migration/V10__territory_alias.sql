-- Former territory codes that records, links and filters may still name: a 2015 QPV code
-- (QP...) since the 2024 list (QN...), a PETR slug since its SIREN is known. The reference import
-- rebuilds the table from the data directory (sql/territory-import/publish.sql); the service and
-- the directory importers read a former code as its one current successor, and refuse it with
-- the replacements named when it has several or none (withdrawn).
CREATE TABLE territory_alias (
  kind         text NOT NULL REFERENCES territory_kind,
  code         text NOT NULL,   -- the former code
  name         text,            -- its name in the former list
  vintage      text NOT NULL,   -- the former list, e.g. 'QPV 2015 (décret 2014-1750), superseded'
  current_code text,            -- a territory of the same kind that replaces it; NULL: withdrawn, none does
  share        real,            -- part of the former area inside current_code (geometric successions), else NULL
  reason       text NOT NULL,   -- how the successor was found (area overlap, same name with a SIREN...)
  UNIQUE NULLS NOT DISTINCT (kind, code, current_code),
  FOREIGN KEY (kind, current_code) REFERENCES territory (kind, code)
);

-- One row per former code: its successors, the largest share first (empty: withdrawn).
CREATE VIEW territory_successor AS
SELECT kind, code, min(name) AS name, min(vintage) AS vintage, min(reason) AS reason,
       coalesce(array_agg(current_code ORDER BY share DESC NULLS LAST, current_code)
                  FILTER (WHERE current_code IS NOT NULL), '{}') AS successors,
       coalesce(array_agg(share ORDER BY share DESC NULLS LAST, current_code)
                  FILTER (WHERE current_code IS NOT NULL), '{}') AS shares
FROM territory_alias
GROUP BY kind, code;

-- Public reference data, no private column: the service reads it (V7, rule 4).
DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${readerRole}') AND '${readerRole}' <> current_user THEN
    EXECUTE format('GRANT SELECT ON territory_alias, territory_successor TO %I', '${readerRole}');
  END IF;
END $$;
