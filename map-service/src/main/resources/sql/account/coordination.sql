-- Every territory of a kind with how many coordinators it has (0: "sans coordinateur") and,
-- when asked, its display outline (simplified once per territory import, V4).
SELECT t.kind, t.code, t.name,
       (SELECT count(*) FROM account_role r
        WHERE r.role = 'coordinator' AND r.territory_kind = t.kind AND r.territory_code = t.code) AS coordinators,
       CASE WHEN :geometry THEN ST_AsGeoJSON(d.geom, 5) END AS geometry
FROM territory t
LEFT JOIN territory_display d ON d.kind = t.kind AND d.code = t.code
WHERE t.kind = :kind
ORDER BY t.code
