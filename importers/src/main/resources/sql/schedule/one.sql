-- One scheduled source by name.
SELECT name, record_kind, format, url, mapping, mapping_file, keep_out_of_region,
       extract(epoch FROM refresh_period)::bigint, next_due, last_run_at, last_status, last_message, last_run_id
FROM scheduled_source
WHERE name = ?;
