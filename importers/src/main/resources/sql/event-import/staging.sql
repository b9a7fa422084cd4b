-- What an iCalendar import stages beside stage_record (staging.sql of the directory import, whose
-- locating it shares): the event's own values, one row per event or occurrence, by line.
CREATE TEMP TABLE stage_event (
  line bigint PRIMARY KEY, uid text, starts_at timestamptz, ends_at timestamptz, all_day boolean, status text,
  place_name text, online_url text, organiser_search text
) ON COMMIT DROP;
