package org.atlascitoyen.mapservice.ogc;

import java.util.List;
import java.util.stream.Stream;
import org.atlascitoyen.mapservice.cql2.Cql2Conformance;

/** The conformance classes the API implements ({@code /ogc/conformance}). */
public record Conformance(List<String> conformsTo) {

    /**
     * Only what is implemented and passes: Part 1 core, GeoJSON and the OpenAPI 3.0 definition
     * ({@code /ogc/api}) and Part 2 CRS by reference, checked by the OGC's test suite (OgcEtsIT);
     * Part 3 filtering, the cql2 package's classes, checked by Cql2FilterIT. No HTML encoding of
     * the resources.
     */
    public static final Conformance IMPLEMENTED = new Conformance(Stream.concat(Stream.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"),
            Cql2Conformance.CLASSES.stream()).toList());
}
