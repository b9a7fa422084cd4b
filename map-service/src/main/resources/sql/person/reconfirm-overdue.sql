-- Persons mailed a re-confirmation link longer than the grace period ago who did not confirm since.
SELECT p.id
FROM person p
JOIN person_private v ON v.person_id = p.id
WHERE v.reconfirm_sent_at < now() - CAST(:grace AS interval) AND p.confirmed_at < v.reconfirm_sent_at
ORDER BY p.id
