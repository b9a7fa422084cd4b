-- Turns the relay on again for an actor (its owner only): contactable when it has an address.
DELETE FROM relay_opt_out WHERE record_kind = 'actor' AND record_id = :id
