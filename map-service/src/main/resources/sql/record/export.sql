-- Every record of a kind matching a filter, in the filter's order, for an export (RecordKind,
-- shape EXPORT), from the kind's public view. No page and no cursor: the rows are read through a
-- database cursor as the file is written. The placeholder after lat adds the point in Lambert-93
-- when a CSV asks for it (ExportQuery.LAMBERT_93), else nothing.
SELECT ${sortKey} AS sort_key, r.id, ${columns},
       round(ST_X(r.geom)::numeric, 6)::float8 AS lon, round(ST_Y(r.geom)::numeric, 6)::float8 AS lat${projected}
FROM ${view} r
${joins}
WHERE ${where}
ORDER BY ${order};
