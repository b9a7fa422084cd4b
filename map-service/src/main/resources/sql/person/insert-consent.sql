-- Consent as given: the wording shown (its text and version), through which form, when.
INSERT INTO person_consent (person_id, account_id, purpose, wording_version, wording, form)
VALUES (:personId, :accountId, :purpose, :wordingVersion, :wording, :form)
RETURNING id
