-- The actors of the atlas who carried an experience (comma-separated ids; vanished ones skipped).
INSERT INTO experience_actor (experience_id, actor_id)
SELECT :id, a.id FROM actor a
WHERE a.id = ANY (CAST(string_to_array(CAST(:actorIds AS text), ',') AS bigint[]))
ON CONFLICT DO NOTHING
