-- The actors that carry an initiative.
SELECT a.id, a.name, a.type, t.label AS type_label
FROM initiative_actor ia
JOIN actor a ON a.id = ia.actor_id
JOIN actor_type t ON t.code = a.type
WHERE ia.initiative_id = :id
ORDER BY a.name, a.id;
