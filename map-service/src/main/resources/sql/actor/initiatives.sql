-- The initiatives an actor carries, current ones first.
SELECT i.id, i.name, i.status, s.label AS status_label
FROM initiative_actor ia
JOIN initiative i ON i.id = ia.initiative_id
JOIN initiative_status s ON s.code = i.status
WHERE ia.actor_id = :id
ORDER BY s.rank = 2 DESC, i.name, i.id;
