-- The sources of the records of a kind matching a filter (an export's content), with their
-- licences: sent before the file (HTTP Link headers, the GeoJSON member), so asked apart from it.
-- Per source, the search stops at its first matching record.
SELECT s.name, s.licence, s.licence_url, s.attribution
FROM source s
WHERE EXISTS (SELECT FROM ${provenance} p JOIN ${view} r ON r.id = p.${provenanceKey}
              WHERE p.source = s.name AND ${where})
ORDER BY s.name;
