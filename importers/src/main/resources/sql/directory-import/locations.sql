-- Moves the location of the ${record} records this run updated or merged into (actors and
-- initiatives share the location columns), but of those whose location a human owns (field
-- 'place' of guard.sql's stage_guard).

-- Known records: their location moves with the source, unless that would lose an
-- address-precise point for a vaguer one.
UPDATE ${record} r
SET geom = l.geom, precision = l.precision, territory_kind = l.territory_kind, territory_code = l.territory_code,
    commune = l.commune, epci = l.epci, petr = l.petr, bassin_vie = l.bassin_vie, departement = l.departement,
    region = l.region, out_of_region = l.out_of_region
FROM stage_known k JOIN stage_located l ON l.line = k.line
LEFT JOIN stage_guard g ON g.line = k.line
WHERE r.id = k.id AND k.changed AND (l.precision = 'address' OR r.precision <> 'address')
  AND NOT coalesce(g.fields @> '{place}', false);

-- Merged records: a point at an address replaces a commune's or a territory's.
UPDATE ${record} r
SET geom = l.geom, precision = l.precision, territory_kind = NULL, territory_code = NULL,
    commune = l.commune, epci = l.epci, petr = l.petr, bassin_vie = l.bassin_vie, departement = l.departement,
    region = l.region, out_of_region = l.out_of_region
FROM stage_merge_best l
LEFT JOIN stage_guard g ON g.line = l.line
WHERE r.id = l.id AND r.precision <> 'address' AND l.precision = 'address'
  AND NOT coalesce(g.fields @> '{place}', false);
