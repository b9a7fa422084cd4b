-- What became of a confirmed message: sent (with the hash of its opt-out link's token) or failed.
-- The sender's address served its purpose (Reply-To of the mail just sent): it is not kept.
UPDATE relay_message SET status = :status, sent_at = CASE WHEN :status = 'sent' THEN now() END, opt_out_token_hash = :optOutHash,
                         sender_email = NULL
WHERE id = :id
