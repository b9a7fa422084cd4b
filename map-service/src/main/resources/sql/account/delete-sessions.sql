-- Ends every session of an account (its other browsers too): Spring Session stores the
-- principal's name (SignedInAccount.principalName) with each session.
DELETE FROM spring_session WHERE principal_name = :principal
