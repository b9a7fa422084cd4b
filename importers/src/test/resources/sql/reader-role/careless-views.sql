-- Views a careless migration could add, each exposing a private column in its own way:
-- ReaderRoleIT checks that its scans catch every one of them once the reader may read them.
CREATE VIEW careless_star AS SELECT * FROM actor;
CREATE VIEW careless_digest AS SELECT id, md5(phone) AS phone_digest FROM actor;
CREATE VIEW careless_row AS SELECT a.id, to_jsonb(a) AS doc FROM actor a;
CREATE VIEW careless_on_careless AS SELECT id, email_domain FROM
  (SELECT id, split_part(email, '@', 2) AS email_domain, name FROM careless_star) s;
