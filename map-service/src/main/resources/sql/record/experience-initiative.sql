-- The initiative whose lessons learned an experience is, if any: id, name, status as code and label.
SELECT i.id, i.name, i.status AS code, s.label
FROM experience_public x
JOIN initiative_public i ON i.id = x.initiative_id
JOIN initiative_status s ON s.code = i.status
WHERE x.id = :id;
