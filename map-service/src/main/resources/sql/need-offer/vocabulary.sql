-- What an announcement form offers to choose: the resources (by rank) and the skills (by label).
SELECT 'resource' AS vocabulary, code, label, lpad(CAST(rank AS text), 5, '0') AS sort FROM need_offer_resource
UNION ALL
SELECT 'skill', code, label, label FROM skill
ORDER BY 1, 4
