-- The secret that keys the derived ids of natural persons whose names are hidden (ContentHash.personId).
SELECT key FROM import_key WHERE id = 1
