-- How many territories of one kind match an items request (numberMatched).
SELECT count(*)
FROM territory t
LEFT JOIN commune c ON t.kind = 'commune' AND c.code = t.code
WHERE t.kind = :kind
  AND ${where};
