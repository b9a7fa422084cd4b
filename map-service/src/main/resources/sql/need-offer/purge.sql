-- Forgets the archived announcements that ended more than :days days ago, and the ownership rows
-- that named them; how many.
WITH gone AS (
  DELETE FROM need_offer_archive WHERE ended_on < (now() AT TIME ZONE 'Europe/Paris')::date - CAST(:days AS integer)
  RETURNING id
), owners AS (
  DELETE FROM record_owner o USING gone g WHERE o.record_kind = 'need_offer' AND o.record_id = g.id
  RETURNING o.record_id
)
SELECT count(*) FROM gone
