-- Contributions and moderation, second part (issue 13): record owners, records hidden while a
-- moderator looks at their reports, and the counter that tells the map service's caches that a
-- moderator changed the published data.

-- "C'est ma structure": an account that owns a record (a claim confirmed by the record's own
-- address, or approved by a moderator). An owner's later changes are published directly.
CREATE TABLE record_owner (
  record_kind text NOT NULL CHECK (record_kind IN ('actor', 'initiative')),
  record_id   bigint NOT NULL,
  account_id  bigint NOT NULL REFERENCES account ON DELETE CASCADE,
  since       timestamptz NOT NULL DEFAULT now(),
  contribution_id bigint REFERENCES contribution ON DELETE SET NULL,
  PRIMARY KEY (record_kind, record_id, account_id)
);
CREATE INDEX record_owner_account_idx ON record_owner (account_id);

-- A record reported by enough distinct people is hidden from every public read until a moderator
-- decides. It is MOVED here, out of actor/initiative, rather than flagged there: every read path
-- (lists, details, tiles and their precomputed map_cell, exports, OGC, counts, coverage) then
-- stops seeing it with no change to any of them, no new condition in the public views (V7, rule 3)
-- or in the shared filter, and so no cost at all on the reads. Dismissing the reports moves it
-- back with the same id; removing it drops these rows. Its satellite rows (provenance, links to
-- initiatives, events, needs/offers) are kept as JSON rows of their own table.
CREATE TABLE actor_hidden (LIKE actor INCLUDING DEFAULTS);
ALTER TABLE actor_hidden ADD PRIMARY KEY (id);
CREATE TABLE initiative_hidden (LIKE initiative INCLUDING DEFAULTS);
ALTER TABLE initiative_hidden ADD PRIMARY KEY (id);
COMMENT ON COLUMN actor_hidden.email IS 'private: as actor.email, kept while the record is hidden';
COMMENT ON COLUMN actor_hidden.phone IS 'private: as actor.phone, kept while the record is hidden';

CREATE TABLE hidden_satellite (
  record_kind text NOT NULL CHECK (record_kind IN ('actor', 'initiative')),
  record_id   bigint NOT NULL,
  tbl         text NOT NULL,
  row_data    jsonb NOT NULL
);
CREATE INDEX hidden_satellite_record_idx ON hidden_satellite (record_kind, record_id);
COMMENT ON COLUMN hidden_satellite.row_data IS 'private: rows of actor_provenance (content_hash) and others, kept while the record is hidden';

-- While a record is hidden, a suppression row keeps a re-import from publishing it again.
ALTER TABLE suppression DROP CONSTRAINT suppression_reason_check;
ALTER TABLE suppression ADD CONSTRAINT suppression_reason_check CHECK (reason IN ('withdrawn', 'removed', 'erased', 'hidden'));
ALTER TABLE suppression ADD COLUMN record_id bigint;

-- Every write of the moderation side to the published tables adds one: the map service's data
-- version (ETags, tile cache) includes it, as it includes the import runs.
CREATE TABLE publish_counter (
  id         smallint PRIMARY KEY CHECK (id = 1),
  value      bigint NOT NULL
);
INSERT INTO publish_counter VALUES (1, 0);

DO $$
BEGIN
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = '${readerRole}') AND '${readerRole}' <> current_user THEN
    EXECUTE format('GRANT SELECT ON publish_counter TO %I', '${readerRole}');
  END IF;
END $$;

-- Escalated queues look items up by their enclosing territory; the pending index of V14 orders them.
CREATE INDEX contribution_pending_epci_idx ON contribution (epci, created_at) WHERE status = 'pending';
