-- Its private address (example.org), members-only name, a consent row saying it is demo data, and
-- its perimeter: kind:code as given, or kind-of:COMMUNE for that commune's own key. Parameters:
-- (id, email); (id, member name); (id); (id, comma-separated perimeter).
INSERT INTO person_private (person_id, email) VALUES (?, ?);
INSERT INTO person_member (person_id, name) VALUES (?, ?);
INSERT INTO person_consent (person_id, purpose, wording_version, wording, form)
VALUES (?, 'demo', 'demo', 'Personne fictive des données de démonstration : aucun consentement réel.', 'data/demo/persons.json');
INSERT INTO person_perimeter (person_id, territory_kind, territory_code)
SELECT p.id, k.kind, CASE WHEN k.derived THEN CASE k.kind WHEN 'epci' THEN c.epci WHEN 'petr' THEN c.petr
                                                           WHEN 'bassin_vie' THEN c.bassin_vie END ELSE k.code END
FROM (SELECT CAST(? AS bigint) AS id) p
CROSS JOIN (SELECT split_part(replace(e, '-of', ''), ':', 1) AS kind, split_part(e, ':', 2) AS code, e LIKE '%-of:%' AS derived
            FROM unnest(string_to_array(CAST(? AS text), ',')) e) k
LEFT JOIN commune c ON k.derived AND c.code = k.code
WHERE EXISTS (SELECT FROM territory t WHERE t.kind = k.kind AND t.code = CASE WHEN k.derived THEN
                CASE k.kind WHEN 'epci' THEN c.epci WHEN 'petr' THEN c.petr WHEN 'bassin_vie' THEN c.bassin_vie END ELSE k.code END)
ON CONFLICT DO NOTHING;
