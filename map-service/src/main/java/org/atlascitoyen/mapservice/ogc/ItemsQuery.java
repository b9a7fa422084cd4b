package org.atlascitoyen.mapservice.ogc;

import java.util.List;
import java.util.Map;
import org.atlascitoyen.mapservice.record.FilterSql;

/**
 * A checked items request: the box (null for none) in its CRS, the interval of last updates, the
 * values of each queryable (a feature matches any of a queryable's values, and every queryable
 * given), the page, the CRS the features are sent in, and {@code filter}, the condition of a CQL2
 * {@code filter} (null for none), ANDed with the rest.
 */
public record ItemsQuery(ItemsBox box, DatetimeInterval datetime, Map<Queryable, List<String>> properties,
                         int limit, int offset, Crs crs, FilterSql.Where filter) {

    public ItemsQuery {
        properties = Map.copyOf(properties);
    }

    /** The values given for a queryable, empty when it was not given. */
    public List<String> values(Queryable queryable) {
        return properties.getOrDefault(queryable, List.of());
    }
}
