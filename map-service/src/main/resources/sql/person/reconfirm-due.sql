-- Published persons whose last confirmation is older than the setting and who were not mailed
-- since: each gets a new link (its token's hash replaces any older one).
SELECT p.id, p.name, v.email
FROM person p
JOIN person_private v ON v.person_id = p.id
WHERE p.confirmed_at < now() - CAST(:after AS interval)
  AND (v.reconfirm_sent_at IS NULL OR v.reconfirm_sent_at < p.confirmed_at)
ORDER BY p.id
LIMIT 500
