-- The resource-person listings that are this account's (person_private.account_id): the public
-- values, the members' ones, the private ones (their own), as JSON rows of their tables. The
-- re-confirmation token's digest is not data about the person and stays out.
SELECT pp.person_id,
       CAST(to_jsonb(p) - 'geom' - 'geom_3857' - 'search' - 'name_search' AS text) AS listing,
       CAST(to_jsonb(pm) - 'person_id' AS text) AS member,
       CAST(to_jsonb(pp) - 'person_id' - 'reconfirm_token_hash' AS text) AS private,
       CAST(coalesce((SELECT jsonb_agg(to_jsonb(pc) - 'person_id' ORDER BY pc.given_at)
                      FROM person_consent pc WHERE pc.person_id = pp.person_id OR pc.account_id = :id), '[]') AS text) AS consents,
       CAST(coalesce((SELECT jsonb_agg(to_jsonb(pe) - 'person_id') FROM person_perimeter pe WHERE pe.person_id = pp.person_id), '[]')
            AS text) AS perimeter
FROM person_private pp
LEFT JOIN person p ON p.id = pp.person_id
LEFT JOIN person_member pm ON pm.person_id = pp.person_id
WHERE pp.account_id = :id
ORDER BY pp.person_id
