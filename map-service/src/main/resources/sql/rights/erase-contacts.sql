-- Erases an actor's contact fields (email, phone), published or hidden, and keeps them erased:
-- field_source rows holding a JSON null, which the triggers of V19 obey on every later write, and a
-- provenance digest that no longer digests them (the next import of the row then writes it again,
-- without them).
UPDATE actor SET email = NULL, phone = NULL, updated_at = now() WHERE id = :id;
UPDATE actor_hidden SET email = NULL, phone = NULL WHERE id = :id;
UPDATE actor_provenance SET content_hash = 'erased' WHERE actor_id = :id;
INSERT INTO field_source (record_kind, record_id, field, value, approved_by, approved_at)
VALUES ('actor', :id, 'email', 'null', :by, now()), ('actor', :id, 'phone', 'null', :by, now())
ON CONFLICT (record_kind, record_id, field) DO UPDATE
SET value = 'null', contribution_id = NULL, approved_by = EXCLUDED.approved_by, approved_at = now(), source_value = NULL;
