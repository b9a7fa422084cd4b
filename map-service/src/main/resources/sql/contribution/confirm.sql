-- Spends a confirmation token: once, before it expires. A claim confirmed by the record's own
-- address is approved at once; any other contribution goes to the moderation queue.
UPDATE contribution
SET status = CASE WHEN kind = 'claim' THEN 'approved' ELSE 'pending' END,
    confirmed_at = now(), confirm_token_hash = NULL, confirm_expires_at = NULL,
    decided_at = CASE WHEN kind = 'claim' THEN now() END
WHERE confirm_token_hash = :hash AND status = 'unconfirmed' AND confirm_expires_at > now()
RETURNING id, kind, record_kind, record_id, author_account_id, status
