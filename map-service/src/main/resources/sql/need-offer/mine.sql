-- The announcements of an account, newest first: waiting for a moderator or refused (its
-- contributions not yet published), published (open), and ended (expired or closed, archived until
-- the purge). status: pending, rejected, open, expired, closed.
SELECT * FROM (
  SELECT NULL::bigint AS id, c.id AS contribution_id, c.payload ->> 'title' AS name, c.payload ->> 'nature' AS nature,
         c.payload ->> 'validUntil' AS valid_until, c.status, c.decision_reason, c.created_at
  FROM contribution c
  WHERE c.record_kind = 'need_offer' AND c.kind = 'new' AND c.author_account_id = :accountId
    AND c.status IN ('pending', 'rejected')
  UNION ALL
  SELECT n.id, NULL, n.name, n.nature, CAST(n.valid_until AS text),
         CASE WHEN n.closed_at IS NOT NULL THEN 'closed'
              WHEN n.valid_until < (now() AT TIME ZONE 'Europe/Paris')::date THEN 'expired' ELSE 'open' END,
         NULL, n.created_at
  FROM need_offer n JOIN need_offer_private p ON p.need_offer_id = n.id
  WHERE p.account_id = :accountId
  UNION ALL
  SELECT x.id, NULL, x.name, x.nature, CAST(x.valid_until AS text),
         CASE WHEN x.closed_at IS NOT NULL THEN 'closed' ELSE 'expired' END, NULL, x.archived_at
  FROM need_offer_archive x
  WHERE x.account_id = :accountId
) m
ORDER BY created_at DESC, coalesce(id, 0) DESC
LIMIT 200
