-- Human edits survive re-imports (see importers/README.md, "Human edits and the suppression
-- list"). A field with a field_source row (V14) holds a value a moderator approved or an owner
-- wrote: no import overwrites it. A record with an owner (record_owner, V16: a claim confirmed or
-- approved) is its owner's: no import overwrites any of its fields. Here, before publishing, which fields of
-- which rows are kept; conflicts.sql then queues the differing source values for moderation.
-- Records without any of these behave exactly as before (stage_guard holds no row for them).

-- The rows that would write into such a record: known rows whose content changed (an unchanged
-- row writes nothing), and the best row merging into one.
CREATE TEMP TABLE stage_guard_row ON COMMIT DROP AS
SELECT t.line, t.id, t.how,
       EXISTS (SELECT FROM record_owner o WHERE o.record_kind = '${record}' AND o.record_id = t.id) AS owned
FROM (SELECT line, id, 'known' AS how FROM stage_known WHERE changed
      UNION ALL
      SELECT line, id, 'merged' FROM stage_merge_best) t
WHERE EXISTS (SELECT FROM field_source f WHERE f.record_kind = '${record}' AND f.record_id = t.id)
   OR EXISTS (SELECT FROM record_owner o WHERE o.record_kind = '${record}' AND o.record_id = t.id);

-- Every field of those rows: the source's value, the value kept (the approved one, else the
-- published one), the source value recorded at the last conflict, each also in comparable form
-- (JSON null as NULL, themes as a sorted set, a point to 6 decimals).
CREATE TEMP TABLE stage_guard_field ON COMMIT DROP AS
SELECT g.line, g.id, g.how, g.owned, v.field, f.field IS NOT NULL OR g.owned AS protected, f.field IS NOT NULL AS approved,
       v.source, n.forms[1] AS source_form, n.forms[2] AS kept_form, n.forms[3] AS recorded_form
FROM stage_guard_row g
JOIN stage_located s ON s.line = g.line
JOIN ${record} r ON r.id = g.id
CROSS JOIN LATERAL (VALUES
${kind-fields}
) v (field, source, published)
LEFT JOIN field_source f ON f.record_kind = '${record}' AND f.record_id = g.id AND f.field = v.field
CROSS JOIN LATERAL (
  SELECT array_agg(CASE
           WHEN jsonb_typeof(x) = 'null' THEN NULL
           WHEN v.field = 'themes' AND jsonb_typeof(x) = 'array'
             THEN (SELECT coalesce(jsonb_agg(DISTINCT t ORDER BY t), '[]') FROM jsonb_array_elements_text(x) t)
           WHEN v.field = 'place' AND jsonb_typeof(x -> 'lon') = 'number' AND jsonb_typeof(x -> 'lat') = 'number'
             THEN jsonb_build_object('lon', round((x ->> 'lon')::numeric, 6), 'lat', round((x ->> 'lat')::numeric, 6))
           ELSE x END ORDER BY i) AS forms
  FROM unnest(ARRAY[v.source, CASE WHEN f.field IS NOT NULL THEN f.value ELSE v.published END, f.source_value])
       WITH ORDINALITY u (x, i)
) n;

-- Per row, the fields publishing keeps, and whether it keeps them all (then the record is not
-- written at all: its provenance still takes the source's content hash, so that the next
-- identical import finds it unchanged instead of trying again).
CREATE TEMP TABLE stage_guard ON COMMIT DROP AS
SELECT line, id, array_agg(field) FILTER (WHERE protected) AS fields, bool_and(protected) AS everything
FROM stage_guard_field
GROUP BY line, id;

CREATE UNIQUE INDEX ON stage_guard (line);

ANALYZE stage_guard;
