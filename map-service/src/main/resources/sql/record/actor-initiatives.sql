-- The initiatives an actor carries, current ones first: id, name, and their status as code and label.
SELECT i.id, i.name, i.status AS code, s.label
FROM initiative_actor ia
JOIN initiative_public i ON i.id = ia.initiative_id
JOIN initiative_status s ON s.code = i.status
WHERE ia.actor_id = :id
ORDER BY s.rank = 2 DESC, i.name, i.id;
