-- Undoes a merge (settings atlas.merge.id, atlas.merge.by; merge.sql checked it first): the
-- record gets back the values it had before, the merged row becomes a record of its own again
-- with its own values (under its former id when it had one and it is free), both take the
-- territory keys of their commune as it is now, the row's provenance moves back (and is marked
-- changed, so that the next import of its source rewrites its values), and the pair is declined
-- so that no import merges it again. ${record} is the record table.
CREATE TEMP TABLE merge_undo ON COMMIT DROP AS
SELECT m.id, m.record_id, m.source, m.external_id, m.rule, m.score, m.before, m.absorbed,
       CASE WHEN m.absorbed ? 'id' AND NOT EXISTS (SELECT FROM ${record} r WHERE r.id = (m.absorbed ->> 'id')::bigint)
            THEN (m.absorbed ->> 'id')::bigint
            ELSE nextval(pg_get_serial_sequence('${record}', 'id')) END AS restored_id
FROM record_merge m WHERE m.id = current_setting('atlas.merge.id')::bigint;

SELECT atlas_record_write('${record}'::regclass, u.record_id, u.before || jsonb_build_object('updated_at', now()))
FROM merge_undo u;

SELECT atlas_record_write('${record}'::regclass, u.restored_id, u.absorbed || jsonb_build_object('updated_at', now()))
FROM merge_undo u;

UPDATE ${record} r
SET epci = c.epci, petr = c.petr, bassin_vie = c.bassin_vie, departement = c.departement, region = c.region
FROM merge_undo u, commune c
WHERE r.id IN (u.record_id, u.restored_id) AND c.code = r.commune;

UPDATE ${record}_provenance p SET ${record}_id = u.restored_id, match_rule = NULL, content_hash = 'undone'
FROM merge_undo u WHERE p.source = u.source AND p.external_id = u.external_id;

UPDATE record_merge m SET undone_at = now(), undone_by = current_setting('atlas.merge.by')
FROM merge_undo u WHERE m.id = u.id;

INSERT INTO merge_candidate AS c (record_kind, record_source, record_external_id, source, external_id, rule, score, status,
                                  decided_at, decided_by)
SELECT '${record}', o.source, o.external_id, u.source, u.external_id, u.rule, u.score, 'declined', now(),
       current_setting('atlas.merge.by')
FROM merge_undo u
CROSS JOIN LATERAL (
  SELECT p.source, p.external_id FROM ${record}_provenance p WHERE p.${record}_id = u.record_id
  ORDER BY p.match_rule IS NOT NULL, p.first_run, p.source, p.external_id LIMIT 1
) o
ON CONFLICT (record_kind, record_source, record_external_id, source, external_id)
DO UPDATE SET status = 'declined', decided_at = excluded.decided_at, decided_by = excluded.decided_by;
