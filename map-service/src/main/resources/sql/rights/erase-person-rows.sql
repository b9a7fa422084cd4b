-- Before a resource person's record goes: their private and members' rows (which would otherwise
-- outlive a hidden record), and their consents dated withdrawn and unlinked from their account and
-- from the erased record (the rows keep that a consent was given and withdrawn, not by whom).
UPDATE person_consent SET withdrawn_at = coalesce(withdrawn_at, now()), account_id = NULL, person_id = NULL WHERE person_id = :id;
DELETE FROM person_private WHERE person_id = :id;
DELETE FROM person_member WHERE person_id = :id;
