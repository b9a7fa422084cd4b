-- One merge and whether it can be undone: its kind, whether it was undone already, whether it
-- kept what undoing needs (merges recorded before V9 did not), and the id of a later merge into
-- the same record still in force (undone first). Parameter: the merge's id.
SELECT m.record_kind, m.undone_at IS NOT NULL AS undone, m.before IS NOT NULL AND m.absorbed IS NOT NULL AS restorable,
       (SELECT max(l.id) FROM record_merge l
        WHERE l.record_kind = m.record_kind AND l.record_id = m.record_id AND l.id > m.id AND l.undone_at IS NULL) AS later
FROM record_merge m WHERE m.id = ?
FOR UPDATE OF m;
