-- A proposed experience (POST /api/experiences): a contribution of kind 'new' on record kind
-- 'experience', pending in the queue of the coordinators of its place's territories.
INSERT INTO contribution (kind, record_kind, payload, status, author_account_id, charter_version,
                          commune, epci, petr, bassin_vie, departement, region, confirmed_at)
VALUES ('new', 'experience', CAST(:payload AS jsonb), 'pending', :accountId, :charterVersion,
        :commune, :epci, :petr, :bassinVie, :departement, :region, now())
RETURNING id
