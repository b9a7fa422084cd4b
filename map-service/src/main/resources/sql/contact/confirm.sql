-- Spends an anonymous sender's confirmation token (single use, before it expires) and returns
-- the message to relay.
UPDATE relay_message SET confirm_token_hash = NULL, confirmed_at = now()
WHERE confirm_token_hash = :hash AND status = 'unconfirmed' AND confirm_expires_at > now()
RETURNING id, record_kind, record_id, sender_name, sender_email, message
