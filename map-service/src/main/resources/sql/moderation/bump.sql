-- One more write of the moderation side to the published tables (system/DataVersion reads it).
UPDATE publish_counter SET value = value + 1 WHERE id = 1
