SELECT EXISTS (SELECT FROM record_owner WHERE record_kind = :recordKind AND record_id = :recordId AND account_id = :accountId)
