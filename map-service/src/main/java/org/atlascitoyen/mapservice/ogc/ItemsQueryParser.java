package org.atlascitoyen.mapservice.ogc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.atlascitoyen.mapservice.cql2.CollectionSchemas;
import org.atlascitoyen.mapservice.cql2.Cql2Filter;
import org.atlascitoyen.mapservice.cql2.Cql2Properties;
import org.atlascitoyen.mapservice.record.FilterSql;
import org.atlascitoyen.mapservice.record.Vocabularies;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.territory.TerritoryKeys;
import org.springframework.stereotype.Component;

/**
 * Checks the query parameters of an items request into an {@link ItemsQuery}. A parameter the
 * collection does not know is refused (400), as the standard recommends, rather than ignored: a
 * misspelt filter would otherwise silently return everything. {@code limit} above the maximum is
 * lowered to it, as the standard requires; below 1 it is refused.
 */
@Component
class ItemsQueryParser {

    private static final Set<String> PAGING_AND_FORMAT = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs",
            "filter", "filter-lang", "filter-crs");

    private final Vocabularies vocabularies;
    private final AtlasProperties limits;
    private final TerritoryKeys territories;
    private final Cql2Properties cql2;

    ItemsQueryParser(Vocabularies vocabularies, AtlasProperties limits, TerritoryKeys territories, Cql2Properties cql2) {
        this.cql2 = cql2;
        this.vocabularies = vocabularies;
        this.limits = limits;
        this.territories = territories;
    }

    ItemsQuery parse(OgcCollection collection, Map<String, String[]> params) {
        for (String name : params.keySet()) {
            if (name.equals("datetime") && !collection.isRecord()) {
                throw new BadParameterException("datetime", "Territories have no date: datetime filters actors and"
                        + " initiatives, on their last update");
            }
            if (!PAGING_AND_FORMAT.contains(name) && !name.equals("datetime") && collection.queryable(name).isEmpty()) {
                throw new BadParameterException(name, "Unknown parameter '" + name + "' for collection " + collection.id()
                        + "; known: " + String.join(", ", known(collection)));
            }
        }
        Map<Queryable, List<String>> properties = new EnumMap<>(Queryable.class);
        for (Queryable queryable : collection.queryables()) {
            String[] values = params.get(queryable.parameter());
            if (values != null) {
                properties.put(queryable, codes(queryable, values));
            }
        }
        return new ItemsQuery(ItemsBox.parse(single(params, "bbox"), single(params, "bbox-crs")),
                DatetimeInterval.parse(single(params, "datetime")), properties,
                limit(single(params, "limit")), offset(single(params, "offset")), Crs.parse("crs", single(params, "crs")),
                filter(collection, params));
    }

    /** The parameters an items request of this collection takes, sorted. */
    static Set<String> known(OgcCollection collection) {
        Set<String> known = new TreeSet<>(PAGING_AND_FORMAT);
        if (collection.isRecord()) {
            known.add("datetime");
        }
        collection.queryables().forEach(q -> known.add(q.parameter()));
        return known;
    }

    /** The CQL2 filter's condition (OGC API Features Part 3), null without {@code filter}. */
    private FilterSql.Where filter(OgcCollection collection, Map<String, String[]> params) {
        String filter = single(params, "filter");
        if (filter == null) {
            if (single(params, "filter-lang") != null || single(params, "filter-crs") != null) {
                throw new BadParameterException("filter", "filter-lang and filter-crs describe a filter: give filter");
            }
            return null;
        }
        return Cql2Filter.where(filter, single(params, "filter-lang"), single(params, "filter-crs"),
                CollectionSchemas.of(collection), cql2);
    }

    private int limit(String value) {
        if (value == null) {
            return limits.ogcLimitDefault();
        }
        int n = integer("limit", value);
        if (n < 1) {
            throw new BadParameterException("limit", "limit must be 1 or more, got " + n);
        }
        return Math.min(n, limits.ogcLimitMax());
    }

    private static int offset(String value) {
        if (value == null) {
            return 0;
        }
        int n = integer("offset", value);
        if (n < 0) {
            throw new BadParameterException("offset", "offset must be 0 or more, got " + n);
        }
        return n;
    }

    private static int integer(String parameter, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadParameterException(parameter, parameter + " is a whole number, got '" + value + "'");
        }
    }

    /** The values of a queryable, comma-separated or repeated; those of a vocabulary must be known codes. */
    private List<String> codes(Queryable queryable, String[] values) {
        String name = queryable.parameter();
        Map<String, String> known = queryable.codes(vocabularies);
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                String code = part.strip();
                if (code.isEmpty()) {
                    continue;
                }
                if (known != null && !known.containsKey(code)) {
                    throw new BadParameterException(name, "Unknown " + name + " '" + code + "'; expected one of "
                            + String.join(", ", known.keySet()));
                }
                // A former territory code (PETR slug...) filters on its one successor, as territory= does.
                codes.add(queryable.territoryKind() == null ? code : territories.current(queryable.territoryKind(), code, name));
            }
        }
        if (codes.isEmpty()) {
            throw new BadParameterException(name, name + " needs a value");
        }
        return new ArrayList<>(codes);
    }

    /** A parameter that takes one value; given twice it is ambiguous. */
    private static String single(Map<String, String[]> params, String name) {
        String[] values = params.get(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw new BadParameterException(name, name + " is given " + values.length + " times; give it once");
        }
        return values[0].isBlank() ? null : values[0];
    }
}
