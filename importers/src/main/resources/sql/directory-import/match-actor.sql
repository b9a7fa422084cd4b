-- The rules only actors have, added to those of match.sql and tried before them (priorities 1 to
-- 3): the same SIREN, the same RNA id, or the same website host in the same département with
-- distinctive names at least 0.3 similar (or the same name), no other kind word and no other
-- number, unless the host is one many actors share (shared_website_host). A natural person whose
-- name is hidden matches by SIREN, by RNA id, or (priority 4, merging) a hidden natural person of
-- the same commune with the same private name; never by website, whose rule compares the names.
    UNION ALL
    SELECT a.id, a.name, 'siren', 1, 1
    FROM actor a WHERE l.siren IS NOT NULL AND a.siren = l.siren
    UNION ALL
    SELECT a.id, a.name, 'rna', 1, 2
    FROM actor a WHERE l.rna IS NOT NULL AND a.rna = l.rna
    UNION ALL
    SELECT a.id, a.name, 'website', CASE WHEN a.name_search = l.name_search THEN 1 ELSE similarity(a.name_key, lk.name_key) END, 3
    FROM actor a
    WHERE l.website_host IS NOT NULL AND a.website_host = l.website_host
      AND a.departement IS NOT DISTINCT FROM l.departement
      AND NOT EXISTS (SELECT FROM shared_website_host h WHERE h.host = l.website_host)
      AND (a.name_search = l.name_search OR similarity(a.name_key, lk.name_key) >= 0.3)
      AND (a.name_kinds = lk.name_kinds OR a.name_kinds = '' OR lk.name_kinds = '')
      AND NOT atlas_numbers_clash(a.name_key, lk.name_key)
      AND NOT l.natural_person AND NOT a.natural_person
    UNION ALL
    SELECT a.id, a.name, 'private-name-commune', 1, 4
    FROM actor a
    WHERE l.natural_person AND a.commune = l.commune AND a.natural_person
      AND atlas_normalize(a.private_name) = atlas_normalize(l.private_name)
