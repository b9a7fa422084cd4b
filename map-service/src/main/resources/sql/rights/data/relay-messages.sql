-- The messages the account sent through the contact relay: to which record, when, with what text
-- while it is kept (the retention job erases texts, names and addresses after a while). The
-- recipient's address is not part of it: it is the recipient's, not the sender's.
SELECT id, record_kind, record_id, status, sender_name, message, created_at, sent_at, erased_at
FROM relay_message WHERE sender_account_id = :id ORDER BY created_at
