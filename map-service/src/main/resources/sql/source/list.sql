-- Every directory source with its licence and attribution (NULL licence: not given at import),
-- and its first and last import.
SELECT s.name, s.format, s.licence, s.licence_url, s.attribution, s.first_run, s.last_run
FROM source s
ORDER BY s.name;
