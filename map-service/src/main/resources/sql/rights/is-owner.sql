-- Whether an account is the record's own: its owner (a confirmed claim), or, for a resource
-- person, the account of person_private. Its requests need no verification link.
SELECT EXISTS (SELECT FROM record_owner o WHERE o.record_kind = :recordKind AND o.record_id = :recordId AND o.account_id = :accountId)
    OR (:recordKind = 'person'
        AND EXISTS (SELECT FROM person_private pp WHERE pp.person_id = :recordId AND pp.account_id = :accountId))
