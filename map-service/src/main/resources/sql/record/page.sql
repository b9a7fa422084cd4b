-- One page of the records of a kind matching a filter, in the filter's order, after the cursor.
-- The page's ids are chosen first; the joins and the fields' subqueries (sources, counts) then run
-- for those rows only. The rows are read from the kind's public view, which has no private
-- column; the select list and the joins come from the kind's description (RecordKind, shape LIST).
WITH page AS (
  SELECT r.id, ${sortKey} AS sort_key
  FROM ${view} r
  WHERE ${where}
    AND ${after}
  ORDER BY ${order}
  LIMIT :limit
)
SELECT p.sort_key, r.id, ${columns},
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat
FROM page p
JOIN ${view} r ON r.id = p.id
${joins}
ORDER BY ${pageOrder};
