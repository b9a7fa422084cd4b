-- A resource person's proposal (POST /api/persons/me): a contribution of kind 'new' on record kind
-- 'person', pending in the queue of the coordinators of the permanence's (or commune's) territory.
INSERT INTO contribution (kind, record_kind, payload, status, author_account_id, charter_version,
                          commune, epci, petr, bassin_vie, departement, region, confirmed_at)
VALUES ('new', 'person', CAST(:payload AS jsonb), 'pending', :accountId, :consentVersion,
        :commune, :epci, :petr, :bassinVie, :departement, :region, now())
RETURNING id
