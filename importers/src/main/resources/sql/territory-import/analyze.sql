-- Fresh statistics for every table the import replaced, after its commit, so that queries on the
-- new territories are planned with them.
ANALYZE territory, commune, commune_part, petr_member, zone_commune, commune_alias, commune_neighbour, territory_display,
        france_commune, france_departement;
