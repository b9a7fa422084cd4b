-- The actor a resource person's structure is, when it is one of the atlas (structure_actor_id):
-- its id, name, and type as code and label. No row when the structure is only a name.
SELECT a.id, a.name, a.type AS code, t.label
FROM person_public p
JOIN actor_public a ON a.id = p.structure_actor_id
JOIN actor_type t ON t.code = a.type
WHERE p.id = :id;
