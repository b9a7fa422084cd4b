-- Rows new to this source whose ${record} may already be published from another directory (see
-- importers/README.md, "Deduplication"). Names are compared on their distinctive part (name_key:
-- without the commune's names, generic and kind words) and their kind words (name_kinds).
-- Settings: atlas.import.source, atlas.import.name_phrases, atlas.import.generic_words,
-- atlas.import.kind_words.

-- similar-name proposes pairs whose distinctive names are at least this similar.
SET LOCAL pg_trgm.similarity_threshold = 0.5;

-- The word lists of dedup/name-words.txt, read once.
CREATE TEMP TABLE stage_name_words ON COMMIT DROP AS
SELECT current_setting('atlas.import.name_phrases')::text[] AS phrases,
       current_setting('atlas.import.generic_words')::text[] AS generic,
       current_setting('atlas.import.kind_words')::text[] AS kinds;

-- The names of each commune of the region as they remain in a name's words: its own and its
-- former ones, without their generic words ("la bastide du salat" -> "bastide salat"), longest first.
CREATE TEMP TABLE stage_commune_phrase ON COMMIT DROP AS
SELECT code, array_agg(phrase ORDER BY length(phrase) DESC, phrase) AS phrases
FROM (SELECT DISTINCT n.code, (atlas_name_words(n.name_search, w.phrases, w.generic, w.kinds))[1] AS phrase
      FROM (SELECT code, atlas_normalize(name) AS name_search FROM commune
            UNION ALL
            SELECT commune_code, name_search FROM commune_alias) n
      CROSS JOIN stage_name_words w) p
WHERE phrase <> ''
GROUP BY code;

CREATE UNIQUE INDEX ON stage_commune_phrase (code);

-- The distinctive name of the rows to publish (not of the unchanged ones): the words the cleaner
-- kept (name_words) without the names of the row's commune.
CREATE TEMP TABLE stage_key ON COMMIT DROP AS
SELECT l.line, CASE WHEN p.phrases IS NULL THEN l.name_words ELSE btrim(atlas_without_phrases(l.name_words, p.phrases)) END AS name_key,
       l.name_kinds
FROM stage_located l
LEFT JOIN stage_commune_phrase p ON p.code = l.commune
WHERE NOT EXISTS (SELECT FROM stage_known k WHERE k.line = l.line AND NOT k.changed);

CREATE UNIQUE INDEX ON stage_key (line);

ANALYZE stage_key;

-- Records published before these keys existed (or after a change of dedup/name-words.txt) get them.
UPDATE ${record} r
SET name_key = btrim(atlas_without_phrases(w.words[1], (SELECT c.phrases FROM stage_commune_phrase c WHERE c.code = r.commune))),
    name_kinds = w.words[2]
FROM stage_name_words n,
     LATERAL (SELECT r0.id, atlas_name_words(r0.name_search, n.phrases, n.generic, n.kinds) AS words
              FROM ${record} r0 WHERE r0.name_key IS NULL) w
WHERE r.id = w.id;

-- The best candidate of each row, by the first rule that holds (priority), the most similar name
-- first within a rule. Rules up to priority 4 merge; the others only propose the pair for review.
-- A record is never a candidate for a row of a source it already comes from, nor for a row it was
-- declined with. The rules of a kind with identifiers (match-actor.sql) come first.
-- A natural person's name is hidden behind a neutral label (importers/README.md, "Natural
-- persons"): the name rules never match such a row (l.natural_person) nor such a record
-- (${kind-name-filter}), or two persons of one commune would merge on their equal labels; the
-- kind's own rules match them on identifiers and on the private name.
CREATE TEMP TABLE stage_match_all ON COMMIT DROP AS
SELECT l.line, m.id, m.rule, m.score, m.priority, m.existing_name, m.priority <= 4 AS automatic
FROM stage_located l
JOIN stage_key lk ON lk.line = l.line
CROSS JOIN LATERAL (
  SELECT c.id, c.rule, c.score, c.priority, c.name AS existing_name
  FROM (
    SELECT r.id, r.name, 'name-commune' AS rule, 1::real AS score, 4 AS priority
    FROM ${record} r
    WHERE r.commune = l.commune AND r.name_key = lk.name_key AND r.name_kinds = lk.name_kinds
      AND (lk.name_key <> '' OR lk.name_kinds <> '') AND NOT l.natural_person ${kind-name-filter}
    UNION ALL
    SELECT r.id, r.name, 'name-commune', 1, 4
    FROM ${record} r WHERE r.commune = l.commune AND r.name_search = l.name_search
      AND NOT l.natural_person ${kind-name-filter}
    UNION ALL
    SELECT r.id, r.name, 'name-neighbour', 1, 5
    FROM commune_neighbour n JOIN ${record} r ON r.commune = n.neighbour AND r.name_key = lk.name_key
    WHERE n.code = l.commune AND lk.name_key <> '' AND NOT l.natural_person ${kind-name-filter}
      AND (r.name_kinds = lk.name_kinds OR r.name_kinds = '' OR lk.name_kinds = '')
    UNION ALL
    SELECT r.id, r.name, 'similar-name', similarity(r.name_key, lk.name_key), 6
    FROM ${record} r
    WHERE r.commune = l.commune AND r.name_key % lk.name_key
      AND (r.name_kinds = lk.name_kinds OR r.name_kinds = '' OR lk.name_kinds = '')
      AND NOT atlas_numbers_clash(r.name_key, lk.name_key) AND NOT l.natural_person ${kind-name-filter}
    ${kind-rules}
  ) c
  WHERE NOT EXISTS (SELECT FROM ${record}_provenance p
                    WHERE p.${record}_id = c.id AND p.source = current_setting('atlas.import.source'))
    AND NOT EXISTS (SELECT FROM merge_candidate d
                    JOIN ${record}_provenance p ON p.source = d.record_source AND p.external_id = d.record_external_id
                    WHERE d.record_kind = '${record}' AND d.source = current_setting('atlas.import.source')
                      AND d.external_id = l.external_id AND d.status = 'declined' AND p.${record}_id = c.id)
  ORDER BY c.priority, c.score DESC, c.id
  LIMIT 1
) m
WHERE NOT EXISTS (SELECT FROM stage_known k WHERE k.line = l.line)
  AND EXISTS (SELECT FROM ${record});

-- The merges: one row per record, so that two rows of this source never become one record (the
-- others become records of their own).
CREATE TEMP TABLE stage_match ON COMMIT DROP AS
SELECT DISTINCT ON (id) line, id, rule, score, priority, existing_name
FROM stage_match_all WHERE automatic
ORDER BY id, priority, score DESC, line;

CREATE INDEX ON stage_match (line);

-- The possible duplicates: published as records of their own, and listed in merge_candidate.
CREATE TEMP TABLE stage_candidate ON COMMIT DROP AS
SELECT line, id, rule, score, existing_name FROM stage_match_all WHERE NOT automatic;

-- What the records merged into were before this run, for undoing a merge (record_merge.before).
CREATE TEMP TABLE stage_merge_before ON COMMIT DROP AS
SELECT r.id, to_jsonb(r) - 'search' - 'geom_3857' || jsonb_build_object('geom', ST_AsHEXEWKB(r.geom)) AS before
FROM ${record} r WHERE r.id IN (SELECT id FROM stage_match);
