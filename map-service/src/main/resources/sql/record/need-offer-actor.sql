-- The actor a need or an offer is posted for (actor_id): its id, name, and type as code and label.
-- No row when a person posted it in their own name.
SELECT a.id, a.name, a.type AS code, t.label
FROM need_offer_public n
JOIN actor_public a ON a.id = n.actor_id
JOIN actor_type t ON t.code = a.type
WHERE n.id = :id;
