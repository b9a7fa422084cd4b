-- The rules only actors have, added to those of match.sql and tried before them (priorities 1 to
-- 3): the same SIREN, the same RNA id, or the same website host in the same département with names
-- at least 0.3 similar, unless the host is one many actors share (shared_website_host).
    UNION ALL
    SELECT a.id, a.name, 'siren', 1, 1
    FROM actor a WHERE l.siren IS NOT NULL AND a.siren = l.siren
    UNION ALL
    SELECT a.id, a.name, 'rna', 1, 2
    FROM actor a WHERE l.rna IS NOT NULL AND a.rna = l.rna
    UNION ALL
    SELECT a.id, a.name, 'website', similarity(a.name_search, l.name_search), 3
    FROM actor a
    WHERE l.website_host IS NOT NULL AND a.website_host = l.website_host
      AND a.departement IS NOT DISTINCT FROM l.departement
      AND NOT EXISTS (SELECT FROM shared_website_host h WHERE h.host = l.website_host)
      AND similarity(a.name_search, l.name_search) >= 0.3
