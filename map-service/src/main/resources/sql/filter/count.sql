-- How many records of ${table} match a filter (numberMatched of a list).
SELECT count(*) FROM ${table} r WHERE ${where};
