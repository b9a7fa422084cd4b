-- One possible duplicate and what accepting it would join: its status, its kind, the record of
-- each side, and whether the existing record already comes from the proposed row's source or the
-- proposed record from more than that row. Parameter: the candidate's id.
SELECT c.status, c.record_kind, a.id AS record_id, b.id AS proposed_id,
       EXISTS (SELECT FROM actor_provenance p WHERE c.record_kind = 'actor' AND p.actor_id = a.id AND p.source = c.source)
       OR EXISTS (SELECT FROM initiative_provenance p WHERE c.record_kind = 'initiative' AND p.initiative_id = a.id AND p.source = c.source)
         AS same_source,
       (SELECT count(*) FROM actor_provenance p WHERE c.record_kind = 'actor' AND p.actor_id = b.id)
       + (SELECT count(*) FROM initiative_provenance p WHERE c.record_kind = 'initiative' AND p.initiative_id = b.id) AS proposed_rows
FROM merge_candidate c
LEFT JOIN LATERAL (
  SELECT p.actor_id AS id FROM actor_provenance p
  WHERE c.record_kind = 'actor' AND p.source = c.record_source AND p.external_id = c.record_external_id
  UNION ALL
  SELECT p.initiative_id FROM initiative_provenance p
  WHERE c.record_kind = 'initiative' AND p.source = c.record_source AND p.external_id = c.record_external_id
) a ON true
LEFT JOIN LATERAL (
  SELECT p.actor_id AS id FROM actor_provenance p
  WHERE c.record_kind = 'actor' AND p.source = c.source AND p.external_id = c.external_id
  UNION ALL
  SELECT p.initiative_id FROM initiative_provenance p
  WHERE c.record_kind = 'initiative' AND p.source = c.source AND p.external_id = c.external_id
) b ON true
WHERE c.id = ?
FOR UPDATE OF c;
