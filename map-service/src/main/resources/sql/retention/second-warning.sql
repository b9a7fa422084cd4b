-- Inactive accounts warned once, at least :afterDays days ago, not yet twice.
SELECT id, email FROM account
WHERE coalesce(last_seen_at, created_at) < now() - make_interval(months => :months)
  AND inactivity_warned_at < now() - make_interval(days => :afterDays)
  AND inactivity_second_warned_at IS NULL
ORDER BY id LIMIT :batch
