-- A proposed event (POST /api/events): a contribution of kind 'new' on record kind 'event', pending
-- in the queue of the coordinators of its commune's territories.
INSERT INTO contribution (kind, record_kind, payload, status, author_account_id, commune, epci, petr, bassin_vie,
                          departement, region, confirmed_at)
VALUES ('new', 'event', CAST(:payload AS jsonb), 'pending', :accountId, :commune, :epci, :petr, :bassinVie,
        :departement, :region, now())
RETURNING id
