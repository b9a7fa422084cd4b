-- A fictional need or offer of the demo: posted for a demo actor found by its name (placed at its
-- point, the actor's name as author) or placed at its commune's point with its author's name; its
-- skills given as codes or words (mapped through the skills' synonyms, unknown words dropped); its
-- last day a number of days from today (Paris), so that it is open in the demo. Nothing happens
-- when neither the actor nor the commune is found. Parameters: title, nature, resource, skills
-- (comma-separated), themes (comma-separated), description, actor name, author name, commune, days.
WITH v AS (
  SELECT CAST(? AS text) AS title, CAST(? AS text) AS nature, CAST(? AS text) AS resource, CAST(? AS text) AS skills,
         CAST(? AS text) AS themes, CAST(? AS text) AS description, CAST(? AS text) AS actor_name,
         CAST(? AS text) AS author_name, CAST(? AS text) AS commune, CAST(? AS integer) AS days
), place AS (
  SELECT a.id AS actor_id, a.name AS author_name, a.geom, a.precision, a.territory_kind, a.territory_code, a.commune, a.epci,
         a.petr, a.bassin_vie, a.departement, a.region, 1 AS pref
  FROM v JOIN LATERAL (SELECT * FROM actor x WHERE v.actor_name IS NOT NULL AND x.name_search = atlas_normalize(v.actor_name)
                       ORDER BY x.id LIMIT 1) a ON true
  UNION ALL
  SELECT NULL, v.author_name, coalesce(t.label_point, ST_PointOnSurface(t.geom)), 'commune', NULL, NULL, c.code, c.epci,
         c.petr, c.bassin_vie, c.departement, c.region, 2
  FROM v JOIN commune c ON c.code = v.commune JOIN territory t ON t.kind = 'commune' AND t.code = c.code
)
INSERT INTO need_offer (name, name_search, nature, resource, skills, themes, description, actor_id, author_name, geom, precision,
                        territory_kind, territory_code, commune, epci, petr, bassin_vie, departement, region, valid_until)
SELECT v.title, atlas_normalize(v.title), v.nature, v.resource,
       ARRAY(SELECT DISTINCT s.code FROM unnest(string_to_array(nullif(v.skills, ''), ',')) w
             JOIN skill s ON s.code = w OR atlas_normalize(w) = ANY (s.synonyms)),
       string_to_array(v.themes, ','), v.description, p.actor_id, coalesce(p.author_name, v.author_name), p.geom, p.precision,
       p.territory_kind, p.territory_code, p.commune, p.epci, p.petr, p.bassin_vie, p.departement, p.region,
       (now() AT TIME ZONE 'Europe/Paris')::date + v.days
FROM v CROSS JOIN LATERAL (SELECT * FROM place ORDER BY pref LIMIT 1) p
WHERE p.geom IS NOT NULL
RETURNING id
