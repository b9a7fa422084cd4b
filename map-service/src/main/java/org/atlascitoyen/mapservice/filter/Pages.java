package org.atlascitoyen.mapservice.filter;

import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs a page template for a filter: one more row than the page is read to know whether a next
 * page exists (so the last page never comes back empty-handed with a cursor), and the matches
 * are counted with the same WHERE clause, up to {@code atlas.count-max}: a first page that is
 * not full needs no count at all, and past the cap the answer says "more than" instead of paying
 * for an exact figure.
 */
@Repository
public class Pages {

    private final JdbcClient jdbc;
    private final long countMax;

    Pages(JdbcClient jdbc, AtlasProperties limits) {
        this.jdbc = jdbc;
        this.countMax = limits.countMax();
    }

    public <F> FeaturePage<F> page(String template, Filter filter, Cursor after, int limit, RowMapper<F> mapper) {
        PageSql.Statement statement = PageSql.page(template, filter, after, limit + 1);
        List<F> rows = new ArrayList<>(limit + 1);
        double[] lastKey = new double[1];
        long[] lastId = new long[1];
        jdbc.sql(statement.sql()).params(statement.params()).query(rs -> {
            if (rows.size() < limit) {
                rows.add(mapper.mapRow(rs, rows.size()));
                lastKey[0] = rs.getDouble("sort_key");
                lastId[0] = rs.getLong("id");
            } else {
                rows.add(null); // the marker of a next page
            }
        });
        String next = null;
        if (rows.size() > limit) {
            rows.remove(limit);
            next = PageSql.next(filter, lastKey[0], lastId[0]).encode();
        }
        if (after == null && next == null) {
            return new FeaturePage<>((long) rows.size(), null, rows.size(), null, rows); // the page is every match
        }
        long matched = count(filter, countMax > 0 ? countMax + 1 : 0);
        return countMax > 0 && matched > countMax
                ? new FeaturePage<>(null, countMax, rows.size(), next, rows)
                : new FeaturePage<>(matched, null, rows.size(), next, rows);
    }

    /** How many records match the filter, counting no further than {@code cap} (0: all). */
    public long count(Filter filter, long cap) {
        PageSql.Statement statement = PageSql.count(filter, cap);
        return jdbc.sql(statement.sql()).params(statement.params()).query(Long.class).single();
    }
}
