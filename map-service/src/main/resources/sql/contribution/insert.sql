-- A new contribution, with the territory keys of its record or proposed place.
INSERT INTO contribution (kind, record_kind, record_id, payload, status, author_account_id, author_email,
                          confirm_token_hash, confirm_expires_at, charter_version,
                          commune, epci, petr, bassin_vie, departement, region, confirmed_at)
VALUES (:kind, :recordKind, :recordId, CAST(:payload AS jsonb), :status, :authorAccountId, :authorEmail,
        :tokenHash, CASE WHEN CAST(:tokenHash AS text) IS NULL THEN NULL ELSE now() + make_interval(hours => :confirmHours) END,
        :charterVersion, :commune, :epci, :petr, :bassinVie, :departement, :region,
        CASE WHEN :status = 'unconfirmed' THEN NULL ELSE now() END)
RETURNING id
