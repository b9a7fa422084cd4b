-- An audit entry of the accounts' side (a role granted or revoked): who did it and what, never
-- an address (details hold ids and the territory).
INSERT INTO audit_entry (account_id, action, details) VALUES (:accountId, :action, CAST(:details AS jsonb))
