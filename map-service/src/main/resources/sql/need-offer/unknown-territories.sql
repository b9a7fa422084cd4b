-- The keys of a proposed perimeter that name no territory (kind:code), to refuse them by name.
SELECT k.kind || ':' || k.code AS key
FROM unnest(string_to_array(CAST(:kinds AS text), ','), string_to_array(CAST(:codes AS text), ',')) k (kind, code)
WHERE NOT EXISTS (SELECT FROM territory t WHERE t.kind = k.kind AND t.code = k.code)
