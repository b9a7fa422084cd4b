-- Whether unchanged.sql found rows to skip: then narrow.sql takes them out of stage_record.
SELECT EXISTS (SELECT FROM stage_unchanged)
