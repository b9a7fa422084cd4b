-- Anonymous contributions never confirmed: gone after :days days (with their address).
DELETE FROM contribution WHERE status = 'unconfirmed' AND created_at < now() - make_interval(days => :days)
