-- Canary values in every private column, written as the owner: no relation the reader may read
-- should ever show them, however it is built (ReaderRoleIT.CANARIES).
INSERT INTO source (name, format, first_run, last_run) VALUES ('reader-role-test', 'csv', now(), now());
WITH canary AS (
  INSERT INTO actor (name, name_search, type, email, phone, private_name, natural_person, geom, precision, commune,
                     epci, departement, region)
  VALUES ('Témoin de confidentialité', 'temoin de confidentialite', 'autre', 'reader-role-canary@example.invalid',
          '0999989796', 'Mme reader-role-canary', true, ST_SetSRID(ST_MakePoint(1.444, 43.6045), 4326), 'address', '31555', '243100518', '31', '76')
  RETURNING id
)
INSERT INTO actor_provenance (source, external_id, actor_id, content_hash, first_run, last_run, last_seen_at)
SELECT 'reader-role-test', 'canary-1', id, 'reader-role-canary-hash', 0, 0, now() FROM canary;
