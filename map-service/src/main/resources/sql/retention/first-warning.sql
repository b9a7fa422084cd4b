-- Accounts unused (no sign-in; never: since their creation) for :months months, not yet warned.
SELECT id, email FROM account
WHERE coalesce(last_seen_at, created_at) < now() - make_interval(months => :months)
  AND inactivity_warned_at IS NULL
ORDER BY id LIMIT :batch
