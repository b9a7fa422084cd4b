-- Where one ${record} record comes from: each directory, its id there, when it was last seen in
-- a full import of that directory, and how it was merged when it was.
SELECT v.source, v.external_id, v.last_seen_at, v.seen, v.match_rule
FROM ${record}_provenance v
WHERE v.${record}_id = :id
ORDER BY v.source, v.external_id;
