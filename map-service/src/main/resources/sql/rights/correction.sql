-- A correction a moderator grants is published as a moderator's approved change: this contribution
-- (kind change, approved, authored by the requester's account if any) is what its field_source rows
-- point to, so that imports keep the corrected values.
INSERT INTO contribution (kind, record_kind, record_id, payload, status, author_account_id, commune, epci, petr, bassin_vie,
                          departement, region, confirmed_at, decided_by, decided_at, decision_reason)
SELECT 'change', r.record_kind, r.record_id, CAST(:payload AS jsonb), 'approved', r.requester_account_id, r.commune, r.epci,
       r.petr, r.bassin_vie, r.departement, r.region, r.confirmed_at, :accountId, now(), 'demande de rectification n°' || r.id
FROM rights_request r WHERE r.id = :id
RETURNING id
