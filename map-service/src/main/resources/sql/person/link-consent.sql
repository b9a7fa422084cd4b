-- The consent an account gave before its listing existed now names the listing.
UPDATE person_consent SET person_id = :id
WHERE account_id = :accountId AND person_id IS NULL AND withdrawn_at IS NULL
