-- "Who could answer" an announcement (:id, open and unexpired: no row otherwise): the open
-- announcements of the other nature sharing a theme or a skill, and the actors sharing a theme,
-- ranked by territorial closeness to the announcement's place, then by distance. Closeness
-- compares each candidate's territory keys with the announcement's (for an announcement, its
-- perimeter too: a perimeter territory that holds the announcement's commune, or its bassin de
-- vie, EPCI..., counts at that level), taking the closest: 1 same commune, 2 same bassin de vie,
-- 3 same EPCI, 4 same PETR, 5 same département, 6 anywhere else. The candidates are found through
-- the GIN indexes on themes and skills; the distance orders by the geometry (<->) and is given in
-- metres on the sphere for the rows kept only.
WITH a AS (
  SELECT id, nature, themes, skills, geom, commune, bassin_vie, epci, petr, departement
  FROM need_offer_public WHERE id = :id
),
offers AS (
  SELECT 'needs-offers' AS kind, o.id, o.name, o.nature, o.commune, o.geom, o.themes,
         least(CASE WHEN o.commune = a.commune THEN 1 WHEN o.bassin_vie = a.bassin_vie THEN 2 WHEN o.epci = a.epci THEN 3
                    WHEN o.petr = a.petr THEN 4 WHEN o.departement = a.departement THEN 5 ELSE 6 END,
               (SELECT min(CASE WHEN pp.territory_kind = 'commune' AND pp.territory_code = a.commune THEN 1
                                WHEN pp.territory_kind = 'bassin_vie' AND pp.territory_code = a.bassin_vie THEN 2
                                WHEN pp.territory_kind = 'epci' AND pp.territory_code = a.epci THEN 3
                                WHEN pp.territory_kind = 'petr' AND pp.territory_code = a.petr THEN 4
                                WHEN pp.territory_kind = 'departement' AND pp.territory_code = a.departement THEN 5
                                ELSE 6 END)
                FROM need_offer_perimeter pp WHERE pp.need_offer_id = o.id)) AS rank,
         o.geom <-> a.geom AS near
  FROM a JOIN need_offer_public o ON o.nature <> a.nature AND o.id <> a.id AND (o.themes && a.themes OR o.skills && a.skills)
),
actors AS (
  SELECT 'actors' AS kind, r.id, r.name, r.type, r.commune, r.geom, r.themes,
         CASE WHEN r.commune = a.commune THEN 1 WHEN r.bassin_vie = a.bassin_vie THEN 2 WHEN r.epci = a.epci THEN 3
              WHEN r.petr = a.petr THEN 4 WHEN r.departement = a.departement THEN 5 ELSE 6 END AS rank,
         r.geom <-> a.geom AS near
  FROM a JOIN actor_public r ON r.themes && a.themes
),
ranked AS (
  SELECT kind, id, name, nature, NULL::text AS type, commune, geom, themes, rank, near FROM offers
  UNION ALL
  SELECT kind, id, name, NULL, type, commune, geom, themes, rank, near FROM actors
  ORDER BY rank, near, kind, id
  LIMIT :limit
)
SELECT c.kind, c.id, c.name, c.nature, nn.label AS nature_label, at.label AS type_label, cm.name AS commune_name,
       (ARRAY['commune', 'bassin_vie', 'epci', 'petr', 'departement', 'autre'])[c.rank] AS closeness,
       round(ST_Distance(CAST(c.geom AS geography), CAST(a.geom AS geography))) AS distance,
       ARRAY(SELECT t FROM unnest(c.themes) t WHERE t = ANY (a.themes) ORDER BY t) AS shared_themes
FROM ranked c
CROSS JOIN a
LEFT JOIN need_offer_nature nn ON nn.code = c.nature
LEFT JOIN actor_type at ON at.code = c.type
LEFT JOIN commune cm ON cm.code = c.commune
ORDER BY c.rank, c.near, c.kind, c.id
