-- The rejected rows in file order, with what the reject file shows of each: its position,
-- reason and detail, then the values that help find and fix it.
SELECT line, reason, detail, name, address, postcode, commune_name, commune_code, lat, lon
FROM stage_reject ORDER BY line;
