-- Turns the relay off or on for an announcement (need_offer.relay_enabled, V21, public).
UPDATE need_offer SET relay_enabled = :enabled, updated_at = now() WHERE id = :id
