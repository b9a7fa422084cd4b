-- The first rows merged into a record published from another source, with the rule that matched
-- them, for the report. Parameter: how many to list.
SELECT l.line, l.name, m.existing_name, m.id, m.rule, m.score
FROM stage_match m JOIN stage_located l ON l.line = m.line
ORDER BY l.line LIMIT ?;
