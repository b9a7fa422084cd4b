-- The rows of the suppression list (table suppression, V14): records withdrawn by their owner,
-- removed by a moderator or erased on request, that no import brings back. A row is suppressed
-- when a suppression of its kind names its source and external id (whether the row could be
-- located or not: an erased record's name and address do not go to the reject file either), or
-- its normalised name in its commune (from any source). A suppressed row is not published, not
-- merged into a record, not listed as a possible duplicate, not counted as a reject, and the
-- provenance it matches is not marked as no longer seen (provenance.sql). Its values, email and
-- phone included, stay in this transaction's staging tables and go nowhere else.
-- Setting: atlas.import.source.
CREATE TEMP TABLE stage_suppressed ON COMMIT DROP AS
SELECT DISTINCT ON (line) line, external_id, suppression_id, rule
FROM (
  SELECT s.line, s.external_id, x.id AS suppression_id, 'source-id' AS rule, 1 AS priority
  FROM stage_record s
  JOIN suppression x ON x.record_kind = '${record}' AND x.source = current_setting('atlas.import.source')
                    AND x.external_id = s.external_id
  UNION ALL
  SELECT l.line, l.external_id, x.id, 'name-commune', 2
  FROM stage_located l
  JOIN suppression x ON x.record_kind = '${record}' AND x.commune = l.commune AND x.name_search = l.name_search
) m
ORDER BY line, priority, suppression_id;

DELETE FROM stage_located l USING stage_suppressed s WHERE s.line = l.line;

DELETE FROM stage_reject r USING stage_suppressed s WHERE s.line = r.line;

DELETE FROM stage_note n USING stage_suppressed s WHERE s.line = n.line;

DELETE FROM stage_alias_note n USING stage_suppressed s WHERE s.line = n.line;
