-- Deletes an account: its roles go with it (ON DELETE CASCADE); its contributions, decisions and
-- audit entries stay, their author or decider set to null (ON DELETE SET NULL, V14). What it
-- proposed anonymously under the same address loses that address too, and so do its closed rights
-- requests (an open one keeps it, to mail the outcome the person is owed). The territories it
-- follows, from the account or by its address without one, end; their consents stay as proof,
-- dated withdrawn (as unsubscribing does).
UPDATE contribution SET author_email = NULL WHERE author_email = (SELECT email FROM account WHERE id = :id);
UPDATE rights_request SET requester_email = NULL
WHERE requester_account_id = :id AND status IN ('done', 'refused');
UPDATE subscription_consent SET withdrawn_at = now()
WHERE withdrawn_at IS NULL
  AND subscription_id IN (SELECT s.id FROM subscription s
                          WHERE s.account_id = :id OR lower(s.email) = (SELECT lower(email) FROM account WHERE id = :id));
DELETE FROM subscription WHERE lower(email) = (SELECT lower(email) FROM account WHERE id = :id);
DELETE FROM account WHERE id = :id;
