-- One rights request as a moderator's decision needs it, with whether it is theirs (visible.sql in
-- place of the marker). Its requester's address is read to mail the outcome, never returned.
SELECT r.id, r.kind, r.record_kind, r.record_id, r.record_name, CAST(r.corrections AS text) AS corrections, r.status,
       r.requester_email, r.requester_account_id, ${visible} AS visible
FROM rights_request r
WHERE r.id = :id
