-- Declines a possible duplicate: the two records stay apart, and the pair is never proposed or
-- merged again. Parameters: who decides, the candidate's id.
UPDATE merge_candidate SET status = 'declined', decided_at = now(), decided_by = ?
WHERE id = ? AND status = 'pending';
