-- Where an announcement posted for an actor goes: the actor's point and territory keys, and its
-- name as the author's; only when the account manages the actor (record_owner). No row: refused.
SELECT a.name, ST_X(a.geom) AS lon, ST_Y(a.geom) AS lat, CAST(a.precision AS text) AS precision,
       a.territory_kind, a.territory_code, a.commune, a.epci, a.petr, a.bassin_vie, a.departement, a.region
FROM actor a
WHERE a.id = :actorId
  AND EXISTS (SELECT FROM record_owner o WHERE o.record_kind = 'actor' AND o.record_id = a.id AND o.account_id = :accountId)
