package org.atlascitoyen.mapservice.record;

import java.util.HashMap;
import java.util.Map;
import org.atlascitoyen.importers.db.SqlResource;

/**
 * Fills a page template ({@code sql/record/page.sql}...) for a filter, its order and a cursor:
 * {@code ${where}}, {@code ${sortKey}}, {@code ${after}}, {@code ${order}} and
 * {@code ${pageOrder}} become fixed fragments of {@link FilterSql}; values stay bind parameters.
 */
public final class PageSql {

    /** An event's start in epoch seconds (microseconds exact in a float8), the key of its cursor. */
    private static final String START = "extract(epoch FROM r.starts_at)::float8";
    private static final String COUNT = SqlResource.load("sql/record/count.sql");

    private PageSql() {
    }

    /** A statement and the values it binds. */
    public record Statement(String sql, Map<String, Object> params) {
    }

    public static Statement page(String template, Filter filter, Cursor after, int limit) {
        FilterSql.Where where = FilterSql.where(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("limit", limit);
        Filter.Sort sort = filter.sort();
        String sortKey = switch (sort) {
            case ID -> "NULL::float8";
            case DISTANCE -> FilterSql.DISTANCE;
            case RANK -> FilterSql.RANK;
            case DATE -> START;
        };
        String afterClause = "TRUE";
        if (after != null) {
            params.put("afterId", after.id());
            params.put("afterKey", after.key());
            afterClause = switch (sort) {
                case ID -> "r.id > :afterId";
                case DISTANCE -> "(" + sortKey + ", r.id) > (:afterKey, :afterId)";
                case RANK -> "(" + sortKey + " < :afterKey OR (" + sortKey + " = :afterKey AND r.id > :afterId))";
                // on the column itself, so that the index on (starts_at, id) serves it
                case DATE -> "(r.starts_at, r.id) > (to_timestamp(:afterKey), :afterId)";
            };
        }
        String order = switch (sort) {
            case ID -> "r.id";
            case DISTANCE -> "sort_key, r.id";
            case RANK -> "sort_key DESC, r.id";
            case DATE -> "r.starts_at, r.id";
        };
        String sql = template.replace("${where}", where.sql())
                .replace("${sortKey}", sortKey)
                .replace("${after}", afterClause)
                .replace("${order}", order)
                .replace("${pageOrder}", order.replace("sort_key", "p.sort_key"));
        return new Statement(sql, params);
    }

    /** The count of the records matching the filter, up to {@code cap} (all of them when it is 0). */
    public static Statement count(Filter filter, long cap) {
        FilterSql.Where where = FilterSql.where(filter);
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("cap", cap > 0 ? cap : null); // LIMIT NULL is no limit
        return new Statement(COUNT.replace("${view}", filter.kind().publicView()).replace("${where}", where.sql()), params);
    }
}
