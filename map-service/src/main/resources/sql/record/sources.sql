-- Where one record comes from: each directory, its id there, when it was last seen in a full
-- import of that directory, how it was merged when it was (from the kind's provenance table), and
-- the directory's licence and attribution (NULL licence: not given at import, « licence inconnue »).
SELECT v.source, v.external_id, v.last_seen_at, v.seen, v.match_rule, s.licence, s.licence_url, s.attribution
FROM ${provenance} v
LEFT JOIN source s ON s.name = v.source
WHERE v.${provenanceKey} = :id
ORDER BY v.source, v.external_id;
