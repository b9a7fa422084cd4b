package org.atlascitoyen.mapservice.filter;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Runs a page template for a filter: one more row than the page is read to know whether a next
 * page exists (so the last page never comes back empty-handed with a cursor), and the matches
 * are counted with the same WHERE clause.
 */
@Repository
public class Pages {

    private final JdbcClient jdbc;

    Pages(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return new FeaturePage<>(count(filter), rows.size(), next, rows);
    }

    /** How many records match the filter. */
    public long count(Filter filter) {
        PageSql.Statement statement = PageSql.count(filter);
        return jdbc.sql(statement.sql()).params(statement.params()).query(Long.class).single();
    }
}
