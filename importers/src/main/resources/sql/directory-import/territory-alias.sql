-- Rows whose territory is a former code (territory_alias, V10: a 2015 QPV, a PETR slug), decided
-- before locate.sql over the whole batch. One successor: the row names it from here on, and the
-- report notes "territory alias: OLD -> NEW". Several or none (withdrawn): the row is rejected
-- with the replacements named, and locate.sql moves it to the reject list with the others.
CREATE TEMP TABLE stage_alias_note (note text, line bigint) ON COMMIT DROP;

CREATE TEMP TABLE stage_alias ON COMMIT DROP AS
SELECT s.line, a.kind, a.code, a.vintage, a.successors
FROM stage_record s
JOIN territory_successor a ON a.kind = s.territory_kind AND a.code = s.territory_code
WHERE s.reject IS NULL
  AND NOT EXISTS (SELECT FROM territory t WHERE t.kind = s.territory_kind AND t.code = s.territory_code);

-- Its real size, so that the updates below never loop over the batch once per alias row.
ANALYZE stage_alias;

INSERT INTO stage_alias_note (note, line)
SELECT 'territory alias: ' || code || ' -> ' || successors[1], line FROM stage_alias WHERE cardinality(successors) = 1;

UPDATE stage_record s
SET territory_code = a.successors[1]
FROM stage_alias a
WHERE a.line = s.line AND cardinality(a.successors) = 1;

UPDATE stage_record s
SET reject = 'territory replaced',
    reject_detail = a.kind || ':' || a.code || ' is a code of ' || a.vintage || '; '
      || CASE WHEN cardinality(a.successors) = 0 THEN 'no current ' || a.kind || ' replaces it'
              ELSE 'its area is now in ' || a.kind || ':' || array_to_string(a.successors, ', ' || a.kind || ':')
                   || ': name one of them' END
FROM stage_alias a
WHERE a.line = s.line AND cardinality(a.successors) <> 1;
