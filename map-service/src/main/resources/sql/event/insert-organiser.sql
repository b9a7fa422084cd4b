-- An organiser of a published event, when the actor is (still) published.
INSERT INTO event_organiser (event_id, actor_id)
SELECT :eventId, a.id FROM actor a WHERE a.id = :actorId
ON CONFLICT DO NOTHING
