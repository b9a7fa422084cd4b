package org.atlascitoyen.mapservice.record;

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
        List<Keyed<F>> read = jdbc.sql(statement.sql()).params(statement.params())
                .query((rs, i) -> new Keyed<>(mapper.mapRow(rs, i), rs.getDouble("sort_key"), rs.getLong("id"))).list();
        List<F> rows = read.stream().limit(limit).map(Keyed::row).toList();
        String next = null;
        if (read.size() > limit) { // the extra row says a next page exists; it starts after the last shown
            Keyed<F> last = read.get(limit - 1);
            next = new Cursor(filter.sort(), last.key(), last.id()).encode();
        }
        if (after == null && next == null) {
            return new FeaturePage<>((long) rows.size(), null, rows.size(), null, rows); // the page is every match
        }
        long matched = count(filter, countMax > 0 ? countMax + 1 : 0);
        return countMax > 0 && matched > countMax
                ? new FeaturePage<>(null, countMax, rows.size(), next, rows)
                : new FeaturePage<>(matched, null, rows.size(), next, rows);
    }

    /** A row of a page with its sort key and id, which make the cursor of the next page. */
    private record Keyed<F>(F row, double key, long id) {
    }

    /** How many records match the filter, counting no further than {@code cap} (0: all). */
    public long count(Filter filter, long cap) {
        PageSql.Statement statement = PageSql.count(filter, cap);
        return jdbc.sql(statement.sql()).params(statement.params()).query(Long.class).single();
    }
}
