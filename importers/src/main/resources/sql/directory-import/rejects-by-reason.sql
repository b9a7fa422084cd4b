-- How many rows each reject reason holds back, the most frequent first, for the report.
SELECT reason, count(*) FROM stage_reject GROUP BY reason ORDER BY count(*) DESC, reason;
