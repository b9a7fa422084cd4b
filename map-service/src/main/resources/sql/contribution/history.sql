-- The public history of a record: what happened and when, never who (no account, no address).
-- Proposals are not history until approved; a report is ("signalée"), once it is confirmed
-- (signed-in authors' are at once; anonymous ones when the mail's link is followed).
SELECT at, action, details ->> 'kind' AS kind, CAST(details -> 'fields' AS text) AS fields, details ->> 'by' AS by
FROM audit_entry
WHERE record_kind = :recordKind AND record_id = :id
  AND (action IN ('created', 'modified', 'claimed', 'hidden', 'restored', 'removed', 'erased')
       OR (action = 'proposed' AND details ->> 'kind' = 'report' AND account_id IS NOT NULL)
       OR (action = 'confirmed' AND details ->> 'kind' = 'report'))
ORDER BY at, id
LIMIT 500
