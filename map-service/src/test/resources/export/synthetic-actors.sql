-- Synthetic actors for the export tests and benchmark, as many as the parameter of the
-- generate_series below, spread over the communes of the region (each at its commune's label
-- point, moved by up to about 1 km), with the columns an export reads filled as in real
-- directories: themes, a description of 150-250 characters, an address, a website, one
-- provenance row. Each also has an email and a phone, which no export may contain.
-- Deterministic: the same number gives the same rows.
INSERT INTO source (name, format, first_run, last_run)
VALUES ('synthetic', 'sql', now(), now())
ON CONFLICT (name) DO NOTHING;

WITH c AS (
  SELECT row_number() OVER (ORDER BY c.code) - 1 AS n, c.code, c.name, c.postcodes[1] AS postcode, c.epci,
         c.petr, c.bassin_vie, c.departement, c.region, t.label_point
  FROM commune c
  JOIN territory t ON t.kind = 'commune' AND t.code = c.code
  WHERE t.label_point IS NOT NULL
), total AS (
  SELECT count(*) AS n FROM c
)
INSERT INTO actor (name, name_search, type, themes, description, address, postcode, website, email, phone, geom,
                   precision, commune, epci, petr, bassin_vie, departement, region)
SELECT 'Collectif synthétique n°' || i || ' de ' || c.name,
       'collectif synthetique n ' || i || ' de ' || lower(c.name),
       (ARRAY['association', 'tiers_lieu', 'collectif_habitants', 'centre_social', 'ess'])[1 + i % 5],
       CASE i % 4 WHEN 0 THEN ARRAY['climat', 'alimentation'] WHEN 1 THEN ARRAY['culture']
                  WHEN 2 THEN ARRAY['solidarites', 'engagement', 'jeunesse'] ELSE ARRAY[]::text[] END,
       'Ateliers ouverts à tous le mercredi et le samedi à ' || c.name || ', sur inscription ; repas partagé '
         || 'chaque premier vendredi du mois, « coups de main » bienvenus pour les chantiers du printemps. '
         || repeat('Programme sur notre site. ', i % 4),
       (1 + i % 120) || ' rue de la République', c.postcode, 'https://collectif-' || i || '.example.org',
       'contact-' || i || '@synthetic.example.org', '05 61 ' || lpad((i % 1000000)::text, 6, '0'),
       ST_SetSRID(ST_MakePoint(ST_X(c.label_point) + ((i::bigint * 7919) % 2001 - 1000) * 0.00001,
                               ST_Y(c.label_point) + ((i::bigint * 104729) % 2001 - 1000) * 0.000008), 4326),
       'address', c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region
FROM generate_series(1, :rows) AS i
JOIN c ON c.n = i % (SELECT n FROM total);

INSERT INTO actor_provenance (source, external_id, actor_id, content_hash, first_run, last_run, last_seen_at)
SELECT 'synthetic', 'S-' || a.id, a.id, md5(a.name), 0, 0, now()
FROM actor a
WHERE a.email LIKE '%@synthetic.example.org'
ON CONFLICT DO NOTHING;

ANALYZE actor;
ANALYZE actor_provenance;
