-- A former territory code (territory_alias, V10): what it was, and the territories that replace
-- it now, the largest share first, with their names; no row when the code was never one.
SELECT s.name, s.vintage, s.successors, s.shares,
       (SELECT array_agg(t.name ORDER BY array_position(s.successors, t.code))
        FROM territory t WHERE t.kind = s.kind AND t.code = ANY (s.successors)) AS successor_names
FROM territory_successor s
WHERE s.kind = :kind AND s.code = :code
