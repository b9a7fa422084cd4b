-- Where one record comes from: each directory, its id there, when it was last seen in a full
-- import of that directory, how it was merged when it was (from the kind's provenance table), and
-- the directory's licence and attribution (NULL licence: not given at import, « licence inconnue »).
-- A re-import does not rewrite the rows it finds unchanged: a full import dates them all at once
-- (source.complete_run_at, V26), so a row still seen was last seen then at the latest.
SELECT v.source, v.external_id,
       CASE WHEN v.seen THEN greatest(v.last_seen_at, s.complete_run_at) ELSE v.last_seen_at END AS last_seen_at, v.seen, v.match_rule, s.licence, s.licence_url, s.attribution
FROM ${provenance} v
LEFT JOIN source s ON s.name = v.source
WHERE v.${provenanceKey} = :id
ORDER BY v.source, v.external_id;
