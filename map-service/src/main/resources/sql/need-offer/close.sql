-- Its author closes an announcement (answered or withdrawn): dated, then archived in the same
-- transaction. No row: not theirs, or no longer open.
UPDATE need_offer n SET closed_at = now(), updated_at = now()
FROM need_offer_private p
WHERE p.need_offer_id = n.id AND n.id = :id AND p.account_id = :accountId AND n.closed_at IS NULL
RETURNING n.id
