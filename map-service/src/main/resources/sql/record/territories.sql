-- The territories of one record, smallest first: those of its commune keys, and the QPV and PNR
-- its point lies in (they do not follow commune borders). From the kind's public view.
SELECT t.kind, t.code, t.name
FROM ${view} r
JOIN territory t ON (t.kind, t.code) IN (('commune', r.commune), ('epci', r.epci), ('petr', r.petr),
                                         ('bassin_vie', r.bassin_vie), ('departement', r.departement),
                                         ('region', r.region))
                 OR (t.kind IN ('qpv', 'pnr') AND ST_Intersects(t.geom, r.geom))
JOIN territory_kind k ON k.kind = t.kind
WHERE r.id = :id
ORDER BY k.rank, t.name;
