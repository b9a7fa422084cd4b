-- After :days days a relay message keeps only what counts need: recipient, status, dates. Its
-- text, the sender's name, address and digest go; the opt-out link keeps working
-- (atlas.contact.opt-out-days) through its token's hash, which names no one.
UPDATE relay_message SET message = NULL, sender_name = NULL, sender_email = NULL, sender_hash = NULL,
                         sender_account_id = NULL, confirm_token_hash = NULL, erased_at = now()
WHERE erased_at IS NULL AND created_at < now() - make_interval(days => :days)
