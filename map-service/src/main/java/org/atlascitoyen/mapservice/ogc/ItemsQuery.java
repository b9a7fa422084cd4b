package org.atlascitoyen.mapservice.ogc;

import java.util.List;
import java.util.Map;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.FilterSql;

/**
 * A checked items request: the box (null for none), the interval of last updates, the values of
 * each queryable (a feature matches any of a queryable's values, and every queryable given), and
 * the page; {@code filter} is the condition of a CQL2 {@code filter} (null for none), ANDed with the rest.
 */
public record ItemsQuery(Filter.Bbox bbox, DatetimeInterval datetime, Map<Queryable, List<String>> properties,
                         int limit, int offset, FilterSql.Where filter) {

    public ItemsQuery {
        properties = Map.copyOf(properties);
    }

    /** The values given for a queryable, empty when it was not given. */
    public List<String> values(Queryable queryable) {
        return properties.getOrDefault(queryable, List.of());
    }
}
