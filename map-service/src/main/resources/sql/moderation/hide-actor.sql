-- Hides a reported actor until a moderator decides (see V16): its row and satellite rows move to
-- actor_hidden and hidden_satellite; a suppression row keeps re-imports from publishing it again
-- meanwhile. The delete moves its tile cells (map_cell triggers) like any delete.
INSERT INTO actor_hidden SELECT * FROM actor WHERE id = :id;
INSERT INTO hidden_satellite (record_kind, record_id, tbl, row_data)
SELECT 'actor', :id, 'actor_provenance', to_jsonb(p) FROM actor_provenance p WHERE p.actor_id = :id
UNION ALL SELECT 'actor', :id, 'initiative_actor', to_jsonb(l) FROM initiative_actor l WHERE l.actor_id = :id
UNION ALL SELECT 'actor', :id, 'event_organiser', to_jsonb(e) FROM event_organiser e WHERE e.actor_id = :id
UNION ALL SELECT 'actor', :id, 'experience_actor', to_jsonb(x) FROM experience_actor x WHERE x.actor_id = :id
-- A need or an offer stays published without its actor (actor_id is set null): the link comes back on restore.
UNION ALL SELECT 'actor', :id, 'need_offer', jsonb_build_object('id', n.id) FROM need_offer n WHERE n.actor_id = :id;
INSERT INTO suppression (record_kind, source, external_id, reason, record_id)
SELECT 'actor', p.source, p.external_id, 'hidden', :id FROM actor_provenance p WHERE p.actor_id = :id
ON CONFLICT DO NOTHING;
DELETE FROM actor WHERE id = :id;
