-- Unmet needs per territory of a level (${level}: bassin_vie or epci, a constant of the service,
-- also a column of commune and of need_offer): for each territory of the level, the open needs
-- placed in it, the open offers covering it (placed in it, or whose perimeter holds one of its
-- communes: perimeter territories expanded to their communes by territory_commune, a key
-- lookup), and the needs for which no such offer shares a theme. :themes and :resource (NULL:
-- any) narrow both needs and offers. Read through the public view: expired and closed ones count nowhere.
WITH listed AS (
  SELECT t.code, t.name FROM territory t WHERE t.kind = '${level}'
),
needs AS (
  SELECT n.id, n.themes, n.${level} AS code FROM need_offer_public n
  WHERE n.nature = 'need' AND n.${level} IS NOT NULL
    AND (CAST(:themes AS text) IS NULL OR n.themes && string_to_array(CAST(:themes AS text), ','))
    AND (CAST(:resource AS text) IS NULL OR n.resource = :resource)
),
offers AS (
  SELECT o.id, o.themes, o.${level} AS code FROM need_offer_public o
  WHERE o.nature = 'offer'
    AND (CAST(:themes AS text) IS NULL OR o.themes && string_to_array(CAST(:themes AS text), ','))
    AND (CAST(:resource AS text) IS NULL OR o.resource = :resource)
),
offer_communes AS (
  SELECT pp.need_offer_id AS id, pp.territory_code AS commune_code
  FROM need_offer_perimeter pp JOIN offers o ON o.id = pp.need_offer_id
  WHERE pp.territory_kind = 'commune'
  UNION ALL
  SELECT pp.need_offer_id, tc.commune_code
  FROM need_offer_perimeter pp JOIN offers o ON o.id = pp.need_offer_id
  JOIN territory_commune tc ON tc.kind = pp.territory_kind AND tc.code = pp.territory_code
),
covered AS (
  SELECT DISTINCT oc.id, c.${level} AS code
  FROM offer_communes oc JOIN commune c ON c.code = oc.commune_code
  WHERE c.${level} IS NOT NULL
  UNION
  SELECT o.id, o.code FROM offers o WHERE o.code IS NOT NULL
),
counts AS (
  SELECT n.code, count(*) AS needs,
         count(*) FILTER (WHERE NOT EXISTS (SELECT FROM covered v JOIN offers o ON o.id = v.id
                                            WHERE v.code = n.code AND o.themes && n.themes)) AS unmet
  FROM needs n GROUP BY n.code
),
offer_counts AS (
  SELECT code, count(*) AS offers FROM covered GROUP BY code
)
SELECT l.code, l.name, coalesce(n.needs, 0) AS needs, coalesce(o.offers, 0) AS offers, coalesce(n.unmet, 0) AS unmet,
       CASE WHEN :withGeometry THEN ST_AsGeoJSON(d.geom, 6) END AS geojson
FROM listed l
LEFT JOIN counts n ON n.code = l.code
LEFT JOIN offer_counts o ON o.code = l.code
LEFT JOIN territory_display d ON d.kind = '${level}' AND d.code = l.code
ORDER BY l.code
