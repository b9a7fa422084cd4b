-- Accepts a possible duplicate (settings atlas.merge.candidate, atlas.merge.by): the proposed
-- row's record is merged into the existing record as an import merges (the existing record keeps
-- its values and fills what it lacks, adds the themes, takes an address-precise place), its
-- provenance and links move over, and the merge is recorded with what undoing it needs.
-- ${record} is the record table; candidate.sql checked the pair first.
CREATE TEMP TABLE merge_pair ON COMMIT DROP AS
SELECT c.id AS candidate_id, c.rule, c.score, c.source, c.external_id, t.${record}_id AS target_id, a.${record}_id AS absorbed_id,
       (SELECT to_jsonb(r) - 'search' - 'geom_3857' || jsonb_build_object('geom', ST_AsHEXEWKB(r.geom))
        FROM ${record} r WHERE r.id = t.${record}_id) AS before,
       (SELECT to_jsonb(r) - 'search' - 'geom_3857' || jsonb_build_object('geom', ST_AsHEXEWKB(r.geom))
        FROM ${record} r WHERE r.id = a.${record}_id) AS absorbed
FROM merge_candidate c
JOIN ${record}_provenance t ON t.source = c.record_source AND t.external_id = c.record_external_id
JOIN ${record}_provenance a ON a.source = c.source AND a.external_id = c.external_id
WHERE c.id = current_setting('atlas.merge.candidate')::bigint;

SELECT atlas_record_write('${record}'::regclass, m.target_id,
         jsonb_strip_nulls(m.absorbed) || jsonb_strip_nulls(m.before)
         || jsonb_build_object('updated_at', now(), 'themes',
              (SELECT coalesce(jsonb_agg(DISTINCT t ORDER BY t), '[]'::jsonb)
               FROM (SELECT jsonb_array_elements_text(m.before -> 'themes')
                     UNION SELECT jsonb_array_elements_text(m.absorbed -> 'themes')) x (t)))
         || CASE WHEN m.before ->> 'type' = 'autre' THEN jsonb_build_object('type', m.absorbed -> 'type') ELSE '{}'::jsonb END
         || CASE WHEN m.before ->> 'precision' <> 'address' AND m.absorbed ->> 'precision' = 'address'
                 THEN jsonb_build_object('geom', m.absorbed -> 'geom', 'precision', 'address', 'territory_kind', NULL,
                                         'territory_code', NULL, 'commune', m.absorbed -> 'commune', 'epci', m.absorbed -> 'epci',
                                         'petr', m.absorbed -> 'petr', 'bassin_vie', m.absorbed -> 'bassin_vie',
                                         'departement', m.absorbed -> 'departement', 'region', m.absorbed -> 'region',
                                         'out_of_region', m.absorbed -> 'out_of_region')
                 ELSE '{}'::jsonb END)
FROM merge_pair m;

-- The links between actors and initiatives follow the merged record.
UPDATE initiative_actor ia SET ${record}_id = m.target_id
FROM merge_pair m
WHERE ia.${record}_id = m.absorbed_id
  AND NOT EXISTS (SELECT FROM initiative_actor x
                  WHERE x.${record}_id = m.target_id
                    AND (x.actor_id, x.initiative_id) IS NOT DISTINCT FROM
                        (CASE WHEN '${record}' = 'actor' THEN m.target_id ELSE ia.actor_id END,
                         CASE WHEN '${record}' = 'initiative' THEN m.target_id ELSE ia.initiative_id END));

UPDATE ${record}_provenance p SET ${record}_id = m.target_id, match_rule = m.rule
FROM merge_pair m WHERE p.${record}_id = m.absorbed_id;

DELETE FROM ${record} r USING merge_pair m WHERE r.id = m.absorbed_id;

INSERT INTO record_merge (record_kind, record_id, source, external_id, imported_name, existing_name, rule, score, merged_by,
                          before, absorbed)
SELECT '${record}', m.target_id, m.source, m.external_id, m.absorbed ->> 'name', m.before ->> 'name', m.rule, m.score,
       current_setting('atlas.merge.by'), m.before, m.absorbed
FROM merge_pair m;

UPDATE merge_candidate c SET status = 'accepted', decided_at = now(), decided_by = current_setting('atlas.merge.by')
FROM merge_pair m WHERE c.id = m.candidate_id;
