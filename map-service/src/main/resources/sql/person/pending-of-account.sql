-- Whether an account has a resource person proposal waiting for moderation.
SELECT EXISTS (SELECT FROM contribution
               WHERE record_kind = 'person' AND kind = 'new' AND status = 'pending' AND author_account_id = :accountId)
