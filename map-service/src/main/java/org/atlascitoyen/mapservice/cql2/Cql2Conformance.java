package org.atlascitoyen.mapservice.cql2;

import java.util.List;

/**
 * The conformance classes of filtering the service implements (OGC API Features Part 3 and CQL2
 * 1.0). Not claimed: temporal-functions (only T_INTERSECTS is served), spatial-functions (only
 * S_INTERSECTS), functions, arithmetic, property-property comparisons, case- and
 * accent-insensitive comparisons, array-functions.
 */
public final class Cql2Conformance {

    public static final List<String> CLASSES = List.of(
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus");

    private Cql2Conformance() {
    }
}
