-- Whether an account manages a record (record_owner, V16) or, for a person, is that person
-- (person_private.account_id, V17): who may turn the relay on or off from "Mon compte".
SELECT EXISTS (SELECT FROM record_owner WHERE record_kind = :recordKind AND record_id = :recordId AND account_id = :accountId)
    OR (:recordKind = 'person' AND EXISTS (SELECT FROM person_private WHERE person_id = :recordId AND account_id = :accountId))
