-- The figures of the run, read before commit for the report.
SELECT (SELECT count(*) FROM stage_record) + (SELECT count(*) FROM stage_unchanged) AS read,
       (SELECT count(*) FROM stage_new) AS inserted,
       (SELECT count(*) FROM stage_known WHERE changed) AS updated,
       (SELECT count(*) FROM stage_known WHERE NOT changed) + (SELECT count(*) FROM stage_unchanged) AS unchanged,
       (SELECT count(*) FROM stage_match) AS merged,
       (SELECT count(*) FROM stage_reject) AS rejected,
       (SELECT count(*) FROM stage_gone) AS no_longer_seen,
       -- human edits (guard.sql, conflicts.sql) and the suppression list (suppress.sql)
       (SELECT count(*) FROM stage_guard_field
        WHERE protected AND source_form IS NOT NULL AND source_form IS DISTINCT FROM kept_form) AS fields_kept,
       (SELECT count(*) FROM stage_queued) AS conflicts_queued,
       (SELECT count(*) FROM stage_suppressed) AS suppressed,
       -- natural persons (RecordCleaner): published under a neutral name, rejected
       (SELECT count(*) FROM stage_located WHERE natural_person)
         + (SELECT count(*) FROM stage_unchanged WHERE natural_person) AS natural_persons_hidden,
       (SELECT count(*) FROM stage_reject WHERE reason = 'personne physique') AS natural_persons_rejected;
