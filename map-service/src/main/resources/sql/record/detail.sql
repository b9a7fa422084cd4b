-- One record of a kind with the fields of its detail (RecordKind, shape DETAIL), read from the
-- kind's public view; its relations (territories, sources, linked records) have queries of their own.
SELECT r.id, ${columns},
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat
FROM ${view} r
${joins}
WHERE r.id = :id;
