-- A posted announcement (POST /api/needs-offers): a contribution of kind 'new' on record kind
-- 'need_offer', pending in the queue of the coordinators of the territory it is placed in.
INSERT INTO contribution (kind, record_kind, payload, status, author_account_id, charter_version,
                          commune, epci, petr, bassin_vie, departement, region, confirmed_at)
VALUES ('new', 'need_offer', CAST(:payload AS jsonb), 'pending', :accountId, :charterVersion,
        :commune, :epci, :petr, :bassinVie, :departement, :region, now())
RETURNING id
