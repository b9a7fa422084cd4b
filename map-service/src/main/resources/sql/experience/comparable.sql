-- "Expériences comparables" of an experience: the others sharing at least one of its themes in a
-- territory of the same kind (atlas_territory_types, V24: both in a QPV, both in a PNR, or the
-- same type of bassin de vie or EPCI), most shared themes first, then nearest, then by id.
-- Failures are there as any other outcome. territory_type is the most specific kind they share.
WITH me AS (
  SELECT e.id, e.themes, e.geom, atlas_territory_types(e.bassin_vie, e.epci, e.geom) AS types
  FROM experience_public e
  WHERE e.id = :id
)
SELECT o.id, o.name, o.outcome, oc.label AS outcome_label, c.name AS commune_name,
       shared.type AS territory_type, tt.label AS territory_type_label, themes.shared AS shared_themes
FROM me
JOIN experience_public o ON o.id <> me.id AND o.themes && me.themes
CROSS JOIN LATERAL (
  SELECT u.type FROM unnest(atlas_territory_types(o.bassin_vie, o.epci, o.geom)) WITH ORDINALITY AS u(type, n)
  WHERE u.type = ANY (me.types)
  ORDER BY u.n
  LIMIT 1
) shared
CROSS JOIN LATERAL (
  SELECT ARRAY(SELECT t.theme FROM unnest(me.themes) WITH ORDINALITY AS t(theme, n)
               WHERE t.theme = ANY (o.themes) ORDER BY t.n) AS shared
) themes
JOIN experience_outcome oc ON oc.code = o.outcome
JOIN territory_type tt ON tt.code = shared.type
LEFT JOIN commune c ON c.code = o.commune
ORDER BY cardinality(themes.shared) DESC, ST_Distance(o.geom::geography, me.geom::geography), o.id
LIMIT :limit
