-- The codes and French labels of one vocabulary table (theme, actor_type, initiative_status), in
-- its order (by code, or by rank for statuses, which are stages).
SELECT code, label FROM ${table} ORDER BY ${order};
