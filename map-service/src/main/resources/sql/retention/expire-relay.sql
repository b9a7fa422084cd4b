-- Relay messages whose sender never confirmed their address: gone after :days days.
DELETE FROM relay_message WHERE status = 'unconfirmed' AND created_at < now() - make_interval(days => :days)
