-- Hides a person who did not re-confirm within the grace period: the row moves to person_hidden
-- and its satellite rows (perimeter, members' values, private values with the re-confirmation
-- token) to hidden_satellite, so that every public read stops seeing it without a new condition.
INSERT INTO person_hidden SELECT * FROM person WHERE id = :id;
INSERT INTO hidden_satellite (record_kind, record_id, tbl, row_data)
SELECT 'person', :id, 'person_perimeter', to_jsonb(p) FROM person_perimeter p WHERE p.person_id = :id
UNION ALL SELECT 'person', :id, 'person_member', to_jsonb(m) FROM person_member m WHERE m.person_id = :id
UNION ALL SELECT 'person', :id, 'person_private', to_jsonb(v) FROM person_private v WHERE v.person_id = :id;
DELETE FROM person WHERE id = :id;
