-- Removes a scheduled source (its records and import history stay). Parameter: name.
DELETE FROM scheduled_source WHERE name = ?;
