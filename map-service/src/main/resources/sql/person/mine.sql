-- The signed-in person's own listing, as they entered it (values at every level, never the email):
-- what the page shows to edit it.
SELECT p.id, coalesce(v.name, m.name, p.name) AS name, p.role, p.themes,
       coalesce(m.description, p.description) AS description, coalesce(m.structure_name, p.structure_name) AS structure_name,
       p.structure_actor_id, coalesce(m.website, p.website) AS website, coalesce(m.address, p.address) AS address,
       p.postcode, p.commune, p.precision, p.visibility::text AS visibility, p.relay_enabled, p.confirmed_at,
       ARRAY(SELECT pp.territory_kind || ':' || pp.territory_code FROM person_perimeter pp WHERE pp.person_id = p.id
             ORDER BY 1) AS perimeter
FROM person_private v
JOIN person p ON p.id = v.person_id
LEFT JOIN person_member m ON m.person_id = p.id
WHERE v.account_id = :accountId
