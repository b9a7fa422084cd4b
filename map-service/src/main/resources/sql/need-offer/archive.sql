-- Moves announcements out of need_offer: the one its author closes (:id), or, with :id NULL,
-- every one past its last day (Paris time) or closed. Deleting from need_offer recomputes the
-- stored map cells (V5 triggers) and drops the perimeter, private and provenance rows; the archive
-- keeps what "Mes annonces" shows until the purge.
WITH ended AS (
  DELETE FROM need_offer n
  WHERE (CAST(:id AS bigint) IS NOT NULL AND n.id = :id)
     OR (CAST(:id AS bigint) IS NULL AND (n.closed_at IS NOT NULL OR n.valid_until < (now() AT TIME ZONE 'Europe/Paris')::date))
  RETURNING n.id, n.name, n.nature, n.resource, n.themes, n.skills, n.actor_id, n.commune, n.valid_until, n.closed_at,
            (SELECT p.account_id FROM need_offer_private p WHERE p.need_offer_id = n.id) AS account_id
)
INSERT INTO need_offer_archive (id, name, nature, resource, themes, skills, actor_id, commune, valid_until, closed_at,
                                account_id, ended_on)
SELECT e.id, e.name, e.nature, e.resource, e.themes, e.skills, e.actor_id, e.commune, e.valid_until, e.closed_at, e.account_id,
       CASE WHEN e.closed_at IS NOT NULL THEN (e.closed_at AT TIME ZONE 'Europe/Paris')::date ELSE e.valid_until + 1 END
FROM ended e
ON CONFLICT (id) DO NOTHING
