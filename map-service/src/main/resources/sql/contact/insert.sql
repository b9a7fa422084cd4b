-- One message of the relay. An anonymous sender's waits for their confirmation (token hashed);
-- a signed-in sender's is written once sent (or failed).
INSERT INTO relay_message (record_kind, record_id, sender_hash, sender_account_id, sender_name, sender_email, message,
                           status, confirm_token_hash, confirm_expires_at, opt_out_token_hash, confirmed_at, sent_at)
VALUES (:recordKind, :recordId, :senderHash, :senderAccountId, :senderName, :senderEmail, :message, :status,
        :confirmHash, CASE WHEN :confirmHash::text IS NULL THEN NULL ELSE now() + make_interval(hours => :confirmHours) END,
        :optOutHash, CASE WHEN :status = 'unconfirmed' THEN NULL ELSE now() END,
        CASE WHEN :status = 'sent' THEN now() END)
RETURNING id
