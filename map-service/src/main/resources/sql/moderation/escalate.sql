-- Pending items untouched for the set number of days move up one level (at most the région's).
UPDATE contribution
SET escalation_level = escalation_level + 1, escalated_at = now()
WHERE status = 'pending' AND escalation_level < 2
  AND coalesce(escalated_at, confirmed_at, created_at) < now() - make_interval(days => :days)
RETURNING id
