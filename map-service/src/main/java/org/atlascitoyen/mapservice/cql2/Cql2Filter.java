package org.atlascitoyen.mapservice.cql2;

import org.atlascitoyen.mapservice.record.FilterSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.atlascitoyen.mapservice.system.BadParameterException;

/**
 * OGC API Features Part 3 filtering: a {@code filter} in CQL2 text or JSON, checked against a
 * collection's {@link Cql2Schema} and turned into a WHERE condition with bind parameters, to be
 * ANDed with the request's other criteria (bbox, datetime, queryables).
 */
public final class Cql2Filter {

    private static final Logger log = LoggerFactory.getLogger(Cql2Filter.class);

    public static final String TEXT = "cql2-text";
    public static final String JSON = "cql2-json";
    /**
     * The draft's name of CQL2 text, which GDAL up to 3.6 sends ({@code filter-lang=cql-text}) when the
     * API definition lists it: read as CQL2 text, which is what GDAL writes.
     */
    public static final String DRAFT_TEXT = "cql-text";
    /** The only CRS of filter geometries. */
    public static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    private Cql2Filter() {
    }

    /**
     * The condition of a filter.
     *
     * @param filter the {@code filter} parameter
     * @param lang   {@code filter-lang}, null for CQL2 text
     * @param crs    {@code filter-crs}, null for CRS84
     */
    public static FilterSql.Where where(String filter, String lang, String crs, Cql2Schema schema, Cql2Properties limits) {
        if (lang != null && !lang.equals(TEXT) && !lang.equals(JSON) && !lang.equals(DRAFT_TEXT)) {
            throw new BadParameterException("filter-lang", "Unsupported filter-lang '" + lang + "'; supported: " + TEXT
                    + ", " + JSON);
        }
        if (crs != null && !crs.equals(CRS84)) {
            throw new BadParameterException("filter-crs", "The only filter-crs served is " + CRS84);
        }
        if (filter.length() > limits.maxLength()) {
            throw new Cql2Exception("Filter longer than " + limits.maxLength() + " characters");
        }
        if (filter.isBlank()) {
            throw new Cql2Exception("Empty filter");
        }
        Budget budget = new Budget(limits);
        Cql2Expr expr = JSON.equals(lang) ? Cql2JsonParser.parse(filter, budget) : Cql2TextParser.parse(filter, budget);
        FilterSql.Where where = Cql2Sql.where(expr, schema);
        // The condition only, placeholders and whitelisted columns: the values the client sent stay out of the log.
        log.debug("CQL2 filter ({}) as SQL: {} with {} parameters", lang == null ? TEXT : lang, where.sql(),
                where.params().size());
        return where;
    }
}
