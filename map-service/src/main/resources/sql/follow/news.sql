-- What is new in a territory for one kind: the records of its public view (aliased r) that the
-- generic filter keeps (territory, themes, updatedSince, and for events the period still to come),
-- newest first. ${startsAt} is r.starts_at for events, NULL for the other kinds.
SELECT r.id, r.name, r.description, r.created_at, r.updated_at, ${startsAt} AS starts_at
FROM ${view} r
WHERE ${where}
ORDER BY r.updated_at DESC, r.id DESC
LIMIT :limit
