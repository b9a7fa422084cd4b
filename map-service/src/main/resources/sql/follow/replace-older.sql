-- A confirmed subscription replaces the address's (or account's) earlier ones on the same
-- territory, confirmed or still waiting: the newest choice of themes and frequency wins, no one
-- gets two digests, and a second request's unused link leaves no address behind.
WITH older AS (
  DELETE FROM subscription s
  WHERE s.id <> :id AND s.territory_kind = :territoryKind AND s.territory_code = :territoryCode
    AND ((:email::text IS NOT NULL AND s.email = :email) OR (:accountId::bigint IS NOT NULL AND s.account_id = :accountId))
  RETURNING s.id
)
UPDATE subscription_consent SET withdrawn_at = now()
WHERE subscription_id IN (SELECT id FROM older) AND withdrawn_at IS NULL
