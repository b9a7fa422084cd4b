-- Inactive accounts warned twice, the second time at least :afterDays days ago.
SELECT id FROM account
WHERE coalesce(last_seen_at, created_at) < now() - make_interval(months => :months)
  AND inactivity_second_warned_at < now() - make_interval(days => :afterDays)
ORDER BY id LIMIT :batch
