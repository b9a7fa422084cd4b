-- The kinds of reference source (data/sources.json: commune-list, epci-list, qpv...) the last
-- territory import read, from its report.
SELECT DISTINCT s->>'kind' AS kind
FROM (SELECT report FROM territory_import ORDER BY id DESC LIMIT 1) last,
     jsonb_array_elements(last.report->'sources') s
ORDER BY 1;
