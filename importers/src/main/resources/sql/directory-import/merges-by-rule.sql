-- The merges of the run by rule, then the possible duplicates it listed by rule, for the report.
SELECT 'merged' AS what, rule, count(*) FROM stage_match GROUP BY rule
UNION ALL
SELECT 'possible', rule, count(*) FROM stage_candidate GROUP BY rule
ORDER BY 1, 2;
