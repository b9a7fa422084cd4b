-- The actors that carried an experience: id, name, and their type as code and label.
SELECT a.id, a.name, a.type AS code, t.label
FROM experience_actor ea
JOIN actor_public a ON a.id = ea.actor_id
JOIN actor_type t ON t.code = a.type
WHERE ea.experience_id = :id
ORDER BY a.name, a.id;
