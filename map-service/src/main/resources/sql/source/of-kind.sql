-- The sources that hold records of a kind (an OGC collection's content), with their licences. One
-- index probe per source (the provenance's primary key starts with the source).
SELECT s.name, s.licence, s.licence_url, s.attribution
FROM source s
WHERE EXISTS (SELECT FROM ${provenance} p WHERE p.source = s.name)
ORDER BY s.name;
