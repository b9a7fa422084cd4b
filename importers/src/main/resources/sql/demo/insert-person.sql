-- A fictional resource person of the demo, placed at its commune's point (precision commune), with
-- the commune's territory keys; nothing happens when the commune is not in the reference data.
INSERT INTO person (name, name_search, role, themes, description, structure_name, geom, precision,
                    commune, epci, petr, bassin_vie, departement, region, visibility, consented_at, confirmed_at)
SELECT ?, atlas_normalize(?), ?, string_to_array(?, ','), ?, ?,
       (SELECT coalesce(t.label_point, ST_PointOnSurface(t.geom)) FROM territory t WHERE t.kind = 'commune' AND t.code = c.code),
       'commune', c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region, CAST(? AS jsonb), now(), now()
FROM commune c WHERE c.code = ?
RETURNING id
