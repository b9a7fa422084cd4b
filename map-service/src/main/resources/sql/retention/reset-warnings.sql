-- An account used again (signed in) after a warning starts afresh.
UPDATE account SET inactivity_warned_at = NULL, inactivity_second_warned_at = NULL
WHERE inactivity_warned_at IS NOT NULL AND coalesce(last_seen_at, created_at) > inactivity_warned_at
