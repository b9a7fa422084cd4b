-- A fictional experience of the demo, placed at the point of the territory it names (a commune,
-- or e.g. a QPV or a PNR: then precision 'territory'), with the keys of the commune under that
-- point; nothing happens when the territory is not in the reference data. Parameters: name (twice),
-- outcome, themes (comma-separated), description, happened, differently, carried by, started on,
-- ended on, public reached, means, partners, evidence links (JSON array), territory kind and code.
INSERT INTO experience (origin, name, name_search, outcome, themes, description, happened, differently, carried_by,
                        started_on, ended_on, public_reached, means, partners, evidence_links, geom, precision,
                        territory_kind, territory_code, commune, epci, petr, bassin_vie, departement, region)
SELECT 'demo', ?, atlas_normalize(?), ?, string_to_array(?, ','), ?, ?, ?, ?, CAST(? AS date), CAST(? AS date), ?, ?, ?,
       ARRAY(SELECT jsonb_array_elements_text(CAST(? AS jsonb))), t.label_point,
       CASE WHEN t.kind = 'commune' THEN 'commune' ELSE 'territory' END,
       CASE WHEN t.kind <> 'commune' THEN t.kind END, CASE WHEN t.kind <> 'commune' THEN t.code END,
       c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region
FROM territory t
LEFT JOIN LATERAL (SELECT p.code FROM commune_part p WHERE ST_Intersects(p.geom, t.label_point) LIMIT 1) under ON true
LEFT JOIN commune c ON c.code = CASE WHEN t.kind = 'commune' THEN t.code ELSE under.code END
WHERE t.kind = ? AND t.code = ? AND t.label_point IS NOT NULL
RETURNING id
