-- The person a re-confirmation token belongs to, published or hidden (its private row then waits
-- in hidden_satellite), with the account to record the consent for.
SELECT v.person_id AS id, false AS hidden, v.account_id
FROM person_private v WHERE v.reconfirm_token_hash = :hash
UNION ALL
SELECT s.record_id, true, (s.row_data ->> 'account_id')::bigint
FROM hidden_satellite s
WHERE s.record_kind = 'person' AND s.tbl = 'person_private' AND s.row_data ->> 'reconfirm_token_hash' = :hash
LIMIT 1
