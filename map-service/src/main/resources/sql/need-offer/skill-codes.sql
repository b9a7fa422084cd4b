-- The skill codes of the words an author gave (codes, labels or the words people use: synonyms,
-- compared normalised, as the importers map types), in the order given; a word that names no
-- skill comes back with a NULL code so that the service can refuse it by name. :words is the
-- words joined by the unit separator (a control character no checked value holds).
SELECT w.word,
       (SELECT s.code FROM skill s
        WHERE s.code = w.word OR atlas_normalize(s.label) = atlas_normalize(w.word) OR atlas_normalize(w.word) = ANY (s.synonyms)
        ORDER BY s.code = w.word DESC, s.code LIMIT 1) AS code
FROM unnest(string_to_array(CAST(:words AS text), chr(31))) WITH ORDINALITY w (word, n)
ORDER BY w.n
