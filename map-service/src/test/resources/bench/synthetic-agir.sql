-- Synthetic events, needs and offers and experiences for ./atlas bench api (SyntheticAgir), set-based:
-- one INSERT ... SELECT generate_series per table, so that 50,000 events take seconds, not minutes.
-- Each record sits at a commune's label point (events and experiences moved by up to about 1 km), the
-- communes taken in turn in a scrambled order, with the commune's territory keys.
-- The statement-level triggers of V21 refresh the map cells of each insert, as for any import.
-- Parameters: :events, :needs, :experiences (how many of each) and :words (the searches of the
-- benchmark, written into names and descriptions so that q= finds them). Deterministic: the same
-- parameters on the same day give the same rows (dates are relative to the day of the run).
INSERT INTO source (name, format, first_run, last_run)
VALUES ('bench-agir', 'sql', now(), now())
ON CONFLICT (name) DO NOTHING;

-- Events over about 18 months around today (9 months back, 9 ahead), 09:00 to 20:00 Paris time,
-- 1 to 4 hours long; 1 in 10 all-day over 1 to 3 days, 1 in 20 cancelled, 1 in 15 also online.
WITH c AS (
  SELECT row_number() OVER (ORDER BY c.code) - 1 AS n, c.code, c.name, c.postcodes[1] AS postcode, c.epci,
         c.petr, c.bassin_vie, c.departement, c.region, t.label_point
  FROM commune c
  JOIN territory t ON t.kind = 'commune' AND t.code = c.code
  WHERE t.label_point IS NOT NULL
), total AS (
  SELECT count(*) AS n FROM c
), v AS (
  SELECT (SELECT array_agg(code ORDER BY code) FROM theme) AS themes, CAST(ARRAY[:words] AS text[]) AS words
), e AS (
  SELECT i,
         (ARRAY['rencontre', 'formation', 'atelier', 'conference', 'festival', 'reunion_publique', 'autre'])[1 + i % 7]
           AS event_type,
         current_date - 274 + ((i::bigint * 7919) % 548)::integer AS day,
         i % 10 = 0 AS all_day
  FROM generate_series(1, :events) AS i
)
INSERT INTO event (name, name_search, event_type, status, themes, description, starts_at, ends_at, all_day, place_name,
                   online_url, uid, website, address, postcode, geom, precision, commune, epci, petr, bassin_vie,
                   departement, region)
SELECT et.label || ' « ' || w.word || ' » à ' || c.name,
       atlas_normalize(et.label || ' « ' || w.word || ' » à ' || c.name),
       e.event_type,
       CASE WHEN e.i % 20 = 7 THEN 'cancelled' ELSE 'confirmed' END,
       ARRAY[v.themes[1 + e.i % cardinality(v.themes)]]
         || CASE WHEN e.i % 3 = 0 THEN ARRAY[v.themes[1 + (e.i / 3 + 5) % cardinality(v.themes)]] ELSE '{}' END,
       'Ouvert à tous à ' || c.name || ' : ' || w.word || ', échanges et repas partagé ; entrée libre, '
         || 'inscription conseillée auprès des organisateurs. ' || repeat('Covoiturage possible. ', e.i % 3),
       CASE WHEN e.all_day THEN e.day::timestamp AT TIME ZONE 'Europe/Paris'
            ELSE (e.day + time '09:00' + (e.i % 12) * interval '1 hour') AT TIME ZONE 'Europe/Paris' END,
       CASE WHEN e.all_day THEN (e.day + 1 + e.i % 3)::timestamp AT TIME ZONE 'Europe/Paris'
            ELSE (e.day + time '09:00' + (e.i % 12 + 1 + e.i % 4) * interval '1 hour') AT TIME ZONE 'Europe/Paris' END,
       e.all_day,
       (ARRAY['Salle des fêtes', 'Médiathèque', 'Tiers-lieu La Fabrique', 'Maison des associations',
              'Jardin partagé'])[1 + e.i % 5],
       CASE WHEN e.i % 15 = 4 THEN 'https://visio.example.org/bench-' || e.i END,
       'bench-' || e.i || '@agenda.example.org',
       'https://agenda-' || e.i || '.example.org',
       (1 + e.i % 120) || ' place de la Mairie', c.postcode,
       ST_SetSRID(ST_MakePoint(ST_X(c.label_point) + ((e.i::bigint * 7919) % 2001 - 1000) * 0.00001,
                               ST_Y(c.label_point) + ((e.i::bigint * 104729) % 2001 - 1000) * 0.000008), 4326),
       'address', c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region
FROM e
CROSS JOIN v
CROSS JOIN LATERAL (SELECT v.words[1 + (e.i * 31) % cardinality(v.words)] AS word) w
JOIN event_type et ON et.code = e.event_type
JOIN c ON c.n = (e.i::bigint * 104729) % (SELECT n FROM total);

-- One organiser for 1 in 10 events, a second one for 1 in 20: actors taken in a scrambled order.
WITH a AS (
  SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM actor
), total AS (
  SELECT NULLIF(count(*), 0) AS n FROM a
)
INSERT INTO event_organiser (event_id, actor_id)
SELECT e.id, a.id
FROM event e
CROSS JOIN generate_series(0, 1) AS k
JOIN a ON a.n = (e.id * 7919 + k * 104729) % (SELECT n FROM total)
WHERE e.uid LIKE 'bench-%' AND e.id % 10 = 0 AND (k = 0 OR e.id % 20 = 0)
ON CONFLICT DO NOTHING;

INSERT INTO event_provenance (source, external_id, event_id, content_hash, first_run, last_run, last_seen_at)
SELECT 'bench-agir', e.uid, e.id, md5(e.name), 0, 0, now()
FROM event e
WHERE e.uid LIKE 'bench-%'
ON CONFLICT DO NOTHING;

-- Needs and offers, half each, over the seven resources, with one or two skills and themes; valid
-- up to six months ahead, 1 in 10 expired (up to two months ago: the public view drops them).
WITH c AS (
  SELECT row_number() OVER (ORDER BY c.code) - 1 AS n, c.code, c.name, c.postcodes[1] AS postcode, c.epci,
         c.petr, c.bassin_vie, c.departement, c.region, t.label_point
  FROM commune c
  JOIN territory t ON t.kind = 'commune' AND t.code = c.code
  WHERE t.label_point IS NOT NULL
), total AS (
  SELECT count(*) AS n FROM c
), v AS (
  SELECT (SELECT array_agg(code ORDER BY code) FROM theme) AS themes,
         (SELECT array_agg(code ORDER BY code) FROM skill) AS skills, CAST(ARRAY[:words] AS text[]) AS words
), o AS (
  SELECT i, CASE WHEN i % 2 = 0 THEN 'need' ELSE 'offer' END AS nature,
         (ARRAY['competences', 'benevoles', 'lieu', 'materiel', 'partenaire', 'financement', 'autre'])[1 + i / 2 % 7]
           AS resource
  FROM generate_series(1, :needs) AS i
)
INSERT INTO need_offer (name, name_search, nature, resource, skills, themes, description, author_name, website, address,
                        postcode, geom, precision, commune, epci, petr, bassin_vie, departement, region, valid_until)
SELECT t.title, atlas_normalize(t.title), o.nature, o.resource,
       ARRAY[v.skills[1 + o.i % cardinality(v.skills)]]
         || CASE WHEN o.i % 3 = 0 THEN ARRAY[v.skills[1 + (o.i / 3 + 7) % cardinality(v.skills)]] ELSE '{}' END,
       ARRAY[v.themes[1 + (o.i * 7) % cardinality(v.themes)]]
         || CASE WHEN o.i % 4 = 0 THEN ARRAY[v.themes[1 + (o.i / 4 + 3) % cardinality(v.themes)]] ELSE '{}' END,
       'Pour notre projet « ' || w.word || ' » à ' || c.name || ', nous ' || CASE o.nature WHEN 'need' THEN 'cherchons'
         ELSE 'proposons' END || ' un coup de main ponctuel ou régulier ; réponse par la messagerie du site. '
         || repeat('Merci de faire circuler. ', o.i % 3),
       'Collectif de ' || c.name, 'https://annonce-' || o.i || '.example.org',
       (1 + o.i % 120) || ' rue de l''Église', c.postcode,
       c.label_point, 'commune', c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region,
       CASE WHEN o.i % 10 = 3 THEN current_date - (1 + o.i % 60) ELSE current_date + (1 + (o.i::bigint * 7919) % 180)::integer END
FROM o
CROSS JOIN v
CROSS JOIN LATERAL (SELECT v.words[1 + (o.i * 37) % cardinality(v.words)] AS word) w
JOIN need_offer_resource r ON r.code = o.resource
CROSS JOIN LATERAL (SELECT CASE o.nature WHEN 'need' THEN 'Recherche' ELSE 'Propose' END || ' ' || lower(r.label)
                           || ' : ' || w.word AS title) t
JOIN c ON c.n = (o.i::bigint * 7907) % (SELECT n FROM total);

-- Perimeters of one to three territories around each one's commune, taken in turn from its commune,
-- EPCI, bassin de vie, PETR (when it has one) and département.
INSERT INTO need_offer_perimeter (need_offer_id, territory_kind, territory_code)
SELECT o.id, k.kind, k.code
FROM need_offer o
JOIN commune c ON c.code = o.commune
CROSS JOIN LATERAL (VALUES (0, 'commune', c.code), (1, 'epci', c.epci), (2, 'bassin_vie', c.bassin_vie),
                           (3, 'petr', c.petr), (4, 'departement', c.departement)) AS k(j, kind, code)
WHERE o.website LIKE 'https://annonce-%.example.org' AND k.code IS NOT NULL
  AND (k.j - o.id / 3 % 5 + 5) % 5 < 1 + o.id % 3
ON CONFLICT DO NOTHING;

INSERT INTO need_offer_provenance (source, external_id, need_offer_id, content_hash, first_run, last_run, last_seen_at)
SELECT 'bench-agir', 'N-' || o.id, o.id, md5(o.name), 0, 0, now()
FROM need_offer o
WHERE o.website LIKE 'https://annonce-%.example.org'
ON CONFLICT DO NOTHING;

-- Experiences started up to five years ago, a quarter still running; outcomes 8 in 20 réussi,
-- 4 mitigé, 3 abandonné, 4 échec, 1 non précisé.
WITH c AS (
  SELECT row_number() OVER (ORDER BY c.code) - 1 AS n, c.code, c.name, c.postcodes[1] AS postcode, c.epci,
         c.petr, c.bassin_vie, c.departement, c.region, t.label_point
  FROM commune c
  JOIN territory t ON t.kind = 'commune' AND t.code = c.code
  WHERE t.label_point IS NOT NULL
), total AS (
  SELECT count(*) AS n FROM c
), v AS (
  SELECT (SELECT array_agg(code ORDER BY code) FROM theme) AS themes, CAST(ARRAY[:words] AS text[]) AS words
), x AS (
  SELECT i, CASE WHEN i % 20 < 8 THEN 'reussi' WHEN i % 20 < 12 THEN 'mitige' WHEN i % 20 < 15 THEN 'abandonne'
                 WHEN i % 20 < 19 THEN 'echec' ELSE 'non_precise' END AS outcome,
         current_date - (60 + (i::bigint * 7919) % 1800)::integer AS started_on
  FROM generate_series(1, :experiences) AS i
)
INSERT INTO experience (name, name_search, outcome, themes, description, happened, differently, carried_by, started_on,
                        ended_on, website, address, postcode, geom, precision, commune, epci, petr, bassin_vie,
                        departement, region)
SELECT 'Retour sur « ' || w.word || ' » à ' || c.name, atlas_normalize('Retour sur « ' || w.word || ' » à ' || c.name),
       x.outcome,
       ARRAY[v.themes[1 + (x.i * 11) % cardinality(v.themes)]]
         || CASE WHEN x.i % 2 = 0 THEN ARRAY[v.themes[1 + (x.i / 2 + 9) % cardinality(v.themes)]] ELSE '{}' END,
       'Nous avons lancé « ' || w.word || ' » avec les habitants de ' || c.name || ', une réunion par mois.',
       CASE WHEN x.outcome IN ('echec', 'abandonne') THEN 'Le projet s''est arrêté faute de bénévoles et de lieu.'
            ELSE 'Une trentaine de personnes viennent régulièrement ; la mairie prête une salle.' END,
       'Associer plus tôt les voisins et la commune, et prévoir un budget de départ. '
         || repeat('Documenter au fil de l''eau. ', x.i % 3),
       'Collectif de ' || c.name, x.started_on,
       CASE WHEN x.i % 4 = 0 THEN NULL ELSE x.started_on + 30 + x.i % 300 END,
       'https://retex-' || x.i || '.example.org',
       (1 + x.i % 120) || ' avenue de la Gare', c.postcode,
       ST_SetSRID(ST_MakePoint(ST_X(c.label_point) + ((x.i::bigint * 7919) % 2001 - 1000) * 0.00001,
                               ST_Y(c.label_point) + ((x.i::bigint * 104729) % 2001 - 1000) * 0.000008), 4326),
       'address', c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region
FROM x
CROSS JOIN v
CROSS JOIN LATERAL (SELECT v.words[1 + (x.i * 41) % cardinality(v.words)] AS word) w
JOIN c ON c.n = (x.i::bigint * 7877) % (SELECT n FROM total);

INSERT INTO experience_provenance (source, external_id, experience_id, content_hash, first_run, last_run, last_seen_at)
SELECT 'bench-agir', 'X-' || x.id, x.id, md5(x.name), 0, 0, now()
FROM experience x
WHERE x.website LIKE 'https://retex-%.example.org'
ON CONFLICT DO NOTHING;
