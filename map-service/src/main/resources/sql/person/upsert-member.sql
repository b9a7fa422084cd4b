-- The values a person shows to signed-in members only (NULL: at another level).
INSERT INTO person_member (person_id, name, description, structure_name, website, address)
VALUES (:id, :name, :description, :structureName, :website, :address)
ON CONFLICT (person_id) DO UPDATE
SET name = EXCLUDED.name, description = EXCLUDED.description, structure_name = EXCLUDED.structure_name,
    website = EXCLUDED.website, address = EXCLUDED.address
