-- The active subscriptions of a frequency, each with the address to write to (its own, or its
-- account's) and the start of its period (its last digest, else its confirmation); claimed for this
-- turn by moving last_digest_at to now() (the database's clock, which also dates the records), in the transaction that holds the job's lock.
WITH due AS (
  SELECT s.id, coalesce(s.last_digest_at, s.confirmed_at) AS since
  FROM subscription s
  WHERE s.frequency = :frequency AND s.status = 'active'
  FOR UPDATE
)
UPDATE subscription s SET last_digest_at = now()
FROM due
WHERE s.id = due.id
RETURNING s.id, due.since, s.last_digest_at AS turn, s.territory_kind, s.territory_code, s.themes,
          coalesce(s.email, (SELECT a.email FROM account a WHERE a.id = s.account_id)) AS email
