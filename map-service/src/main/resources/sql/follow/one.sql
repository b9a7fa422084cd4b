-- One subscription as its owner sees it (never its address), with its territory's name.
SELECT s.id, s.territory_kind, s.territory_code, t.name AS territory_name, s.themes, s.frequency, s.status,
       s.confirmed_at, s.last_sent_at
FROM subscription s
LEFT JOIN territory t ON t.kind = s.territory_kind AND t.code = s.territory_code
WHERE s.id = :id
