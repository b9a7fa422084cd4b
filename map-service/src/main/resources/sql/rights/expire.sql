-- Requests whose verification link expired unused are forgotten, with the address they held.
DELETE FROM rights_request WHERE status = 'unconfirmed' AND token_expires_at < now()
