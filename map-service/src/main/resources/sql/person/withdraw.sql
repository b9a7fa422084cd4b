-- A person withdraws: the listing goes (published or hidden), consent is dated withdrawn (the rows
-- stay as proof of what was consented to and when it ended), and a suppression row keeps the name
-- in its commune from coming back by any other path.
UPDATE person_consent SET withdrawn_at = now() WHERE person_id = :id AND withdrawn_at IS NULL;
INSERT INTO suppression (record_kind, name_search, commune, reason, decided_by, record_id)
SELECT 'person', r.name_search, r.commune, 'withdrawn', :by, :id
FROM (SELECT name_search, commune FROM person WHERE id = :id
      UNION ALL SELECT name_search, commune FROM person_hidden WHERE id = :id) r
WHERE r.commune IS NOT NULL;
DELETE FROM record_owner WHERE record_kind = 'person' AND record_id = :id;
DELETE FROM hidden_satellite WHERE record_kind = 'person' AND record_id = :id;
DELETE FROM person_hidden WHERE id = :id;
DELETE FROM person WHERE id = :id;
