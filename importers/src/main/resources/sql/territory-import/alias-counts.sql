-- The former codes per kind and earlier list, by what they become: one successor, several, none.
SELECT kind, vintage,
       count(*) FILTER (WHERE cardinality(successors) = 1),
       count(*) FILTER (WHERE cardinality(successors) > 1),
       count(*) FILTER (WHERE cardinality(successors) = 0)
FROM territory_successor
GROUP BY kind, vintage
ORDER BY kind, vintage;
