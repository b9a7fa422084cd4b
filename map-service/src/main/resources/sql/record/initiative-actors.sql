-- The actors that carry an initiative: id, name, and their type as code and label.
SELECT a.id, a.name, a.type AS code, t.label
FROM initiative_actor ia
JOIN actor_public a ON a.id = ia.actor_id
JOIN actor_type t ON t.code = a.type
WHERE ia.initiative_id = :id
ORDER BY a.name, a.id;
