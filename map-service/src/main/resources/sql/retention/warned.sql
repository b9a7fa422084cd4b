-- Records that a warning went (first or second).
UPDATE account SET inactivity_warned_at = CASE WHEN :second THEN inactivity_warned_at ELSE now() END,
                   inactivity_second_warned_at = CASE WHEN :second THEN now() END
WHERE id = :id
