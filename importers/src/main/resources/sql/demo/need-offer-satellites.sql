-- Its private address (example.org: where the relay would write) and its perimeter: kind:code as
-- given, or kind-of:COMMUNE for that commune's own key. Parameters: (id, email); (id, comma-separated perimeter).
INSERT INTO need_offer_private (need_offer_id, email) VALUES (?, ?);
INSERT INTO need_offer_perimeter (need_offer_id, territory_kind, territory_code)
SELECT p.id, k.kind, CASE WHEN k.derived THEN CASE k.kind WHEN 'epci' THEN c.epci WHEN 'petr' THEN c.petr
                                                           WHEN 'bassin_vie' THEN c.bassin_vie END ELSE k.code END
FROM (SELECT CAST(? AS bigint) AS id) p
CROSS JOIN (SELECT split_part(replace(e, '-of', ''), ':', 1) AS kind, split_part(e, ':', 2) AS code, e LIKE '%-of:%' AS derived
            FROM unnest(string_to_array(CAST(? AS text), ',')) e) k
LEFT JOIN commune c ON k.derived AND c.code = k.code
WHERE EXISTS (SELECT FROM territory t WHERE t.kind = k.kind AND t.code = CASE WHEN k.derived THEN
                CASE k.kind WHEN 'epci' THEN c.epci WHEN 'petr' THEN c.petr WHEN 'bassin_vie' THEN c.bassin_vie END ELSE k.code END)
ON CONFLICT DO NOTHING;
