-- Turns the relay off for an actor: actor.contactable follows (trigger relay_opt_out_changed, V18).
INSERT INTO relay_opt_out (record_kind, record_id, by_owner) VALUES ('actor', :id, :byOwner)
ON CONFLICT (record_kind, record_id) DO NOTHING
