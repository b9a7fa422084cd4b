-- The possible duplicates waiting for a decision, oldest first, each side as its record is now
-- (found through the provenance of the row that created it). Parameter: how many.
SELECT c.id, c.record_kind, c.rule, c.score,
       c.record_source, c.record_external_id, a.id AS record_id, a.name AS record_name, coalesce(ca.name, a.commune) AS record_commune,
       c.source, c.external_id, b.id AS proposed_id, b.name AS proposed_name, coalesce(cb.name, b.commune) AS proposed_commune
FROM merge_candidate c
LEFT JOIN LATERAL (
  SELECT r.id, r.name, r.commune FROM actor_provenance p JOIN actor r ON r.id = p.actor_id
  WHERE c.record_kind = 'actor' AND p.source = c.record_source AND p.external_id = c.record_external_id
  UNION ALL
  SELECT r.id, r.name, r.commune FROM initiative_provenance p JOIN initiative r ON r.id = p.initiative_id
  WHERE c.record_kind = 'initiative' AND p.source = c.record_source AND p.external_id = c.record_external_id
) a ON true
LEFT JOIN LATERAL (
  SELECT r.id, r.name, r.commune FROM actor_provenance p JOIN actor r ON r.id = p.actor_id
  WHERE c.record_kind = 'actor' AND p.source = c.source AND p.external_id = c.external_id
  UNION ALL
  SELECT r.id, r.name, r.commune FROM initiative_provenance p JOIN initiative r ON r.id = p.initiative_id
  WHERE c.record_kind = 'initiative' AND p.source = c.source AND p.external_id = c.external_id
) b ON true
LEFT JOIN commune ca ON ca.code = a.commune
LEFT JOIN commune cb ON cb.code = b.commune
WHERE c.status = 'pending'
ORDER BY c.id
LIMIT ?;
