-- Where one record comes from: each directory, its id there, when it was last seen in a full
-- import of that directory, and how it was merged when it was (from the kind's provenance table).
SELECT v.source, v.external_id, v.last_seen_at, v.seen, v.match_rule
FROM ${provenance} v
WHERE v.${provenanceKey} = :id
ORDER BY v.source, v.external_id;
