-- Erases a record that is only a person (a resource person, an élu·e, an actor flagged as a natural
-- person), published or hidden: it goes on the suppression list (reason 'erased') by each of its
-- sources' ids and by its normalised name in its commune, so that no import brings it back; then
-- the record goes, with everything that held its values: persons' member and private rows, what
-- contributions proposed for it, the values moderators approved, its owners. Consents stay as proof
-- of what was consented to, dated withdrawn. ${table} is a constant (actor, initiative or person).
DELETE FROM suppression WHERE record_kind = '${table}' AND record_id = :id AND reason = 'hidden';
INSERT INTO suppression (record_kind, source, external_id, reason, decided_by, record_id)
SELECT '${table}', p.source, p.external_id, 'erased', :by, :id FROM ${table}_provenance p WHERE p.${table}_id = :id
UNION ALL
SELECT '${table}', s.row_data ->> 'source', s.row_data ->> 'external_id', 'erased', :by, :id
FROM hidden_satellite s WHERE s.record_kind = '${table}' AND s.record_id = :id AND s.tbl = '${table}_provenance'
ON CONFLICT DO NOTHING;
INSERT INTO suppression (record_kind, name_search, commune, reason, decided_by, record_id)
SELECT '${table}', r.name_search, r.commune, 'erased', :by, :id
FROM (SELECT name_search, commune FROM ${table} WHERE id = :id
      UNION ALL SELECT name_search, commune FROM ${table}_hidden WHERE id = :id) r
WHERE r.commune IS NOT NULL;
UPDATE contribution SET payload = '{}', status = CASE WHEN status IN ('unconfirmed', 'pending') THEN 'rejected' ELSE status END,
       decided_at = coalesce(decided_at, now()), confirm_token_hash = NULL
WHERE record_kind = '${table}' AND record_id = :id;
DELETE FROM field_source WHERE record_kind = '${table}' AND record_id = :id;
DELETE FROM record_owner WHERE record_kind = '${table}' AND record_id = :id;
DELETE FROM hidden_satellite WHERE record_kind = '${table}' AND record_id = :id;
DELETE FROM ${table}_hidden WHERE id = :id;
DELETE FROM ${table} WHERE id = :id;
