-- What sign-in needs beside the accounts of V13 (issue 13): the one-time tokens of the sign-in
-- links, the HTTP sessions (Spring Session JDBC) and the rate-limit buckets (Bucket4j). The
-- write side reads and writes them through its own pool (WriteDatabase); none is granted to the
-- reader role (${readerRole}): a session or a token in the wrong hands is a signed-in person.

-- A sign-in link's token: only its SHA-256 is kept, so a copy of the table signs nobody in. A row
-- is deleted when the token is used (single use) and, once expired, by the next request for a
-- link. No account is needed: the account is created when the token is first used, so that a
-- request for an unknown address takes the same path as one for a known address.
CREATE TABLE signin_token (
  token_hash  text PRIMARY KEY CHECK (length(token_hash) = 64),
  email       text NOT NULL CHECK (length(email) <= 254 AND email = lower(email)),
  expires_at  timestamptz NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signin_token_expires_idx ON signin_token (expires_at);
COMMENT ON COLUMN signin_token.email IS 'private: the address the sign-in link was sent to';

-- Spring Session JDBC's tables (its schema-postgresql.sql, names folded to lower case as
-- PostgreSQL does with the unquoted names Spring Session writes). principal_name holds the
-- account id, never the address.
CREATE TABLE spring_session (
  primary_id            char(36) NOT NULL,
  session_id            char(36) NOT NULL,
  creation_time         bigint NOT NULL,
  last_access_time      bigint NOT NULL,
  max_inactive_interval int NOT NULL,
  expiry_time           bigint NOT NULL,
  principal_name        varchar(100),
  CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
  session_primary_id char(36) NOT NULL,
  attribute_name     varchar(200) NOT NULL,
  attribute_bytes    bytea NOT NULL,
  CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
  CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id) ON DELETE CASCADE
);

-- Bucket4j's token buckets, one per limit and key (RateLimits). id is a SHA-256 of the limit's
-- name and its key, so an address or an IP never appears in clear; expires_at (epoch
-- milliseconds) is when a bucket is full again and can be forgotten.
CREATE TABLE rate_limit_bucket (
  id         text PRIMARY KEY,
  state      bytea,
  expires_at bigint
);
CREATE INDEX rate_limit_bucket_expires_idx ON rate_limit_bucket (expires_at);
