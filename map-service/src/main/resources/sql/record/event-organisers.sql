-- The actors that organise an event: id, name, and their type as code and label.
SELECT a.id, a.name, a.type AS code, t.label
FROM event_organiser eo
JOIN actor_public a ON a.id = eo.actor_id
JOIN actor_type t ON t.code = a.type
WHERE eo.event_id = :id
ORDER BY a.name, a.id;
