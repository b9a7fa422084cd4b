-- Hides a reported initiative until a moderator decides, as hide-actor.sql does an actor.
INSERT INTO initiative_hidden SELECT * FROM initiative WHERE id = :id;
INSERT INTO hidden_satellite (record_kind, record_id, tbl, row_data)
SELECT 'initiative', :id, 'initiative_provenance', to_jsonb(p) FROM initiative_provenance p WHERE p.initiative_id = :id
UNION ALL SELECT 'initiative', :id, 'initiative_actor', to_jsonb(l) FROM initiative_actor l WHERE l.initiative_id = :id;
INSERT INTO suppression (record_kind, source, external_id, reason, record_id)
SELECT 'initiative', p.source, p.external_id, 'hidden', :id FROM initiative_provenance p WHERE p.initiative_id = :id
ON CONFLICT DO NOTHING;
DELETE FROM initiative WHERE id = :id;
