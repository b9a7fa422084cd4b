-- The record a relayed mail's "ne plus recevoir de messages" link stands for, while the link works.
SELECT record_kind, record_id FROM relay_message
WHERE opt_out_token_hash = :hash AND sent_at > now() - make_interval(days => :days)
