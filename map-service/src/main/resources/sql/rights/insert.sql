-- A new rights request: unconfirmed with the hash of its link's token, or open at once (the
-- record's owner asking, :open), due atlas.rights.due-after after its confirmation.
INSERT INTO rights_request (kind, record_kind, record_id, record_name, corrections, message, status, requester_email,
                            requester_account_id, verified_by, token_hash, token_expires_at,
                            commune, epci, petr, bassin_vie, departement, region, confirmed_at, due_at)
VALUES (:kind, :recordKind, :recordId, :recordName, CAST(:corrections AS jsonb), :message,
        CASE WHEN :open THEN 'open' ELSE 'unconfirmed' END, :requesterEmail, :accountId, :verifiedBy, :tokenHash,
        CASE WHEN :open THEN NULL ELSE now() + make_interval(hours => :confirmHours) END,
        :commune, :epci, :petr, :bassinVie, :departement, :region,
        CASE WHEN :open THEN now() END,
        CASE WHEN :open THEN now() + CAST(:dueAfter AS interval) END)
RETURNING id
