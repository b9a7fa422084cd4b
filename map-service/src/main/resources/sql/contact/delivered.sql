-- What became of a confirmed message: sent (with the hash of its opt-out link's token) or failed.
UPDATE relay_message SET status = :status, sent_at = CASE WHEN :status = 'sent' THEN now() END, opt_out_token_hash = :optOutHash
WHERE id = :id
