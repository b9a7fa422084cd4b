-- Removes a record for good (a report a moderator upheld): whether published or hidden, it goes
-- on the suppression list by each of its sources' ids and by its normalised name in its commune,
-- so that no import brings it back. ${table} is a constant (actor or initiative).
DELETE FROM suppression WHERE record_kind = '${table}' AND record_id = :id AND reason = 'hidden';
INSERT INTO suppression (record_kind, source, external_id, reason, decided_by, record_id)
SELECT '${table}', p.source, p.external_id, 'removed', :by, :id FROM ${table}_provenance p WHERE p.${table}_id = :id
UNION ALL
SELECT '${table}', s.row_data ->> 'source', s.row_data ->> 'external_id', 'removed', :by, :id
FROM hidden_satellite s WHERE s.record_kind = '${table}' AND s.record_id = :id AND s.tbl = '${table}_provenance'
ON CONFLICT DO NOTHING;
INSERT INTO suppression (record_kind, name_search, commune, reason, decided_by, record_id)
SELECT '${table}', r.name_search, r.commune, 'removed', :by, :id
FROM (SELECT name_search, commune FROM ${table} WHERE id = :id
      UNION ALL SELECT name_search, commune FROM ${table}_hidden WHERE id = :id) r
WHERE r.commune IS NOT NULL;
DELETE FROM hidden_satellite WHERE record_kind = '${table}' AND record_id = :id;
DELETE FROM ${table}_hidden WHERE id = :id;
DELETE FROM ${table} WHERE id = :id;
