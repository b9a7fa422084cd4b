-- The figures of an iCalendar import, read before commit for the report: read, inserted, updated,
-- unchanged, rejected, no longer seen.
SELECT (SELECT count(*) FROM stage_record) AS read,
       (SELECT count(*) FROM stage_event_target WHERE NOT known) AS inserted,
       (SELECT count(*) FROM stage_event_target WHERE known AND changed) AS updated,
       (SELECT count(*) FROM stage_event_target WHERE known AND NOT changed) AS unchanged,
       (SELECT count(*) FROM stage_reject) AS rejected,
       (SELECT count(*) FROM stage_gone) AS no_longer_seen;
