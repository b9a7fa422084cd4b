-- Consent as given: the wording shown (its text and version), through which form, when.
INSERT INTO subscription_consent (subscription_id, account_id, wording_version, wording, form)
VALUES (:subscriptionId, :accountId, :wordingVersion, :wording, :form)
