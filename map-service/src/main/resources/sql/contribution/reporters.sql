-- How many distinct people report a record and wait for a decision: an account counts once, an
-- anonymous address (confirmed, since the report is pending) once.
SELECT count(DISTINCT coalesce('account:' || author_account_id, 'email:' || author_email))
FROM contribution
WHERE kind = 'report' AND record_kind = :recordKind AND record_id = :recordId AND status = 'pending'
