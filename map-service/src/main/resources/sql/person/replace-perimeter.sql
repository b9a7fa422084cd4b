-- The perimeter, replaced as a whole: kinds and codes come checked against `territory`.
DELETE FROM person_perimeter WHERE person_id = :id;
INSERT INTO person_perimeter (person_id, territory_kind, territory_code)
SELECT :id, t.kind, t.code
FROM unnest(string_to_array(CAST(:kinds AS text), ','), string_to_array(CAST(:codes AS text), ',')) k (kind, code)
JOIN territory t ON t.kind = k.kind AND t.code = k.code
ON CONFLICT DO NOTHING;
