-- The records an account manages (record_owner, V16) or is (a person's person_private.account_id,
-- V17), with their relay's state: what "Mon compte" lists with a switch each. hasAddress says
-- whether the relay has somewhere to write to; the address itself is not read.
SELECT 'actor' AS record_kind, a.id, a.name,
       NOT EXISTS (SELECT FROM relay_opt_out x WHERE x.record_kind = 'actor' AND x.record_id = a.id) AS enabled,
       (a.email IS NOT NULL AND btrim(a.email) <> '') AS has_address
FROM record_owner o JOIN actor a ON a.id = o.record_id
WHERE o.record_kind = 'actor' AND o.account_id = :accountId
UNION ALL
SELECT 'person', p.id, p.name, p.relay_enabled, true
FROM person p
WHERE EXISTS (SELECT FROM record_owner o WHERE o.record_kind = 'person' AND o.record_id = p.id AND o.account_id = :accountId)
   OR EXISTS (SELECT FROM person_private pp WHERE pp.person_id = p.id AND pp.account_id = :accountId)
ORDER BY 3, 2
