package org.atlascitoyen.mapservice.coverage;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts actors and initiatives per territory of a level ({@code sql/coverage/coverage.sql}): the
 * level's key columns and the two WHERE clauses of {@link FilterSql} are fixed fragments; every
 * value is a bind parameter.
 */
@Repository
class CoverageRepository {

    private static final String COVERAGE = SqlResource.load("sql/coverage/coverage.sql");

    private final JdbcClient jdbc;

    CoverageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The coverage of every territory of the level (within the territory filter, if any) by the
     * actors matching one filter and the initiatives matching the other.
     */
    CoverageTable coverage(CoverageLevel level, Filter actors, Filter initiatives, boolean withGeometry) {
        FilterSql.Where actorWhere = FilterSql.where(actors);
        FilterSql.Where initiativeWhere = FilterSql.where(initiatives);
        Map<String, Object> params = new HashMap<>(actorWhere.params());
        initiativeWhere.params().forEach((name, value) -> {
            // Both clauses come from the same request, so a shared name binds the same value.
            Object previous = params.putIfAbsent(name, value);
            if (previous != null && !previous.equals(value)) {
                throw new IllegalStateException("Filters disagree on :" + name);
            }
        });
        Filter.Territory scope = actors.territory();
        params.put("level", level.key());
        params.put("scopeKind", scope == null ? null : scope.kind().key());
        params.put("scopeCode", scope == null ? null : scope.code());
        params.put("withGeometry", withGeometry);
        String sql = COVERAGE.replace("${recordKey}", level.recordKey())
                .replace("${communeKey}", level.communeKey())
                .replace("${actorWhere}", actorWhere.sql())
                .replace("${initiativeWhere}", initiativeWhere.sql());
        List<CoverageTable.Entry> entries = new ArrayList<>();
        CoverageSummary.Unassigned[] unassigned = new CoverageSummary.Unassigned[1];
        jdbc.sql(sql).params(params).query(rs -> {
            if (rs.getBoolean("unassigned")) {
                unassigned[0] = new CoverageSummary.Unassigned(rs.getLong("actors"), rs.getLong("initiatives"));
            } else {
                entries.add(new CoverageTable.Entry(coverage(rs, level), rs.getString("geojson")));
            }
        });
        return new CoverageTable(level, entries, unassigned[0]);
    }

    private static Coverage coverage(ResultSet rs, CoverageLevel level) throws SQLException {
        int population = rs.getInt("population");
        return Coverage.of(level.key(), rs.getString("code"), rs.getString("name"), rs.wasNull() ? null : population,
                rs.getLong("actors"), rs.getLong("initiatives"), themes(rs));
    }

    private static List<Coverage.ThemeCount> themes(ResultSet rs) throws SQLException {
        Array codes = rs.getArray("theme_codes");
        if (codes == null) {
            return List.of();
        }
        String[] code = (String[]) codes.getArray();
        Long[] actors = (Long[]) rs.getArray("theme_actors").getArray();
        Long[] initiatives = (Long[]) rs.getArray("theme_initiatives").getArray();
        List<Coverage.ThemeCount> themes = new ArrayList<>(code.length);
        for (int i = 0; i < code.length; i++) {
            themes.add(new Coverage.ThemeCount(code[i], actors[i], initiatives[i]));
        }
        return themes;
    }
}
