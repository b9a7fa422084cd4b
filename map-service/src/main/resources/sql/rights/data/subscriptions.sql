-- The territories this person follows (V25): the account's subscriptions and those made without
-- an account with its address, each with the consent recorded when it was taken (wording, its
-- version, the form, when given and withdrawn). The tokens' digests are not data about the person.
SELECT s.id, s.territory_kind, s.territory_code, s.themes, s.frequency, s.status, s.account_id IS NULL AS by_address,
       s.created_at, s.confirmed_at, s.last_sent_at,
       CAST(coalesce((SELECT jsonb_agg(jsonb_build_object('wordingVersion', c.wording_version, 'wording', c.wording,
                                                          'form', c.form, 'givenAt', c.given_at, 'withdrawnAt', c.withdrawn_at)
                                       ORDER BY c.given_at)
                      FROM subscription_consent c WHERE c.subscription_id = s.id), '[]') AS text) AS consents
FROM subscription s
WHERE s.account_id = :id
   OR lower(s.email) = (SELECT lower(a.email) FROM account a WHERE a.id = :id)
ORDER BY s.id
