-- How many records of a kind match a filter (numberMatched of a list), counted up to :cap rows
-- (NULL: all): past a few thousand, an exact count costs more than the page itself (186,000 actors
-- in a bbox of the whole region: 150 ms), and a reader only needs to know there are more.
SELECT count(*) FROM (SELECT FROM ${view} r WHERE ${where} LIMIT :cap) matches;
