-- Turns the relay off or on for a resource person (person.relay_enabled, V17, public).
UPDATE person SET relay_enabled = :enabled, updated_at = now() WHERE id = :id
