-- Closes an open request with the moderator's outcome; none when another moderator closed it first.
-- An erasure also forgets what the request said of the record (its name, the corrections asked).
UPDATE rights_request
SET status = CASE WHEN :outcome = 'refused' THEN 'refused' ELSE 'done' END, outcome = :outcome, answer = :answer,
    handled_by = :accountId, handled_at = now(),
    record_name = CASE WHEN :outcome = 'erased' THEN NULL ELSE record_name END,
    corrections = CASE WHEN :outcome = 'erased' THEN '{}' ELSE corrections END
WHERE id = :id AND status = 'open'
RETURNING id
