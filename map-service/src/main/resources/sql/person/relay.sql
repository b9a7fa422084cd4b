-- The person turns "Contacter" on or off for their listing.
UPDATE person SET relay_enabled = :enabled, updated_at = now() WHERE id = :id
