-- Needs and offers (issue 15, point 1), the write side beyond V21: the contact relay writes to an
-- announcement's author, an author lists their own announcements, and announcements that expired
-- or were closed leave need_offer (and so the stored map cells) for an archive, purged later.

-- "Répondre" goes through the relay: its log names the announcement.
ALTER TABLE relay_message DROP CONSTRAINT relay_message_record_kind_check;
ALTER TABLE relay_message ADD CONSTRAINT relay_message_record_kind_check
  CHECK (record_kind IN ('actor', 'person', 'need_offer'));

-- "Mes annonces": the announcements of an account.
CREATE INDEX need_offer_private_account_idx ON need_offer_private (account_id);

-- Announcements past their last day or closed by their author, moved out of need_offer by
-- NeedOfferExpiryJob (closed ones at once) so that no read, stored map cell or count holds them;
-- their author still sees them in "Mes annonces" until the purge, `purge-after-days` after they
-- ended. Written and read by the write pool only (the reader role is granted nothing here).
CREATE TABLE need_offer_archive (
  id           bigint PRIMARY KEY,  -- the id it had in need_offer
  name         text NOT NULL,
  nature       text NOT NULL,
  resource     text NOT NULL,
  themes       text[] NOT NULL DEFAULT '{}',
  skills       text[] NOT NULL DEFAULT '{}',
  actor_id     bigint,
  commune      text,
  valid_until  date NOT NULL,
  closed_at    timestamptz,
  account_id   bigint REFERENCES account ON DELETE CASCADE,
  ended_on     date NOT NULL,       -- the day it left the map: the day after valid_until, or the day it was closed
  archived_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX need_offer_archive_account_idx ON need_offer_archive (account_id);
CREATE INDEX need_offer_archive_ended_on_idx ON need_offer_archive (ended_on);
COMMENT ON COLUMN need_offer_archive.account_id IS 'private: which account posted the announcement';
