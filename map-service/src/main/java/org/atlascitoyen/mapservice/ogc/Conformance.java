package org.atlascitoyen.mapservice.ogc;

import java.util.List;
import java.util.stream.Stream;
import org.atlascitoyen.mapservice.cql2.Cql2Conformance;

/** The conformance classes the API implements ({@code /ogc/conformance}). */
public record Conformance(List<String> conformsTo) {

    /** Only what is implemented: Part 1 core and GeoJSON (no HTML; the OpenAPI document is not ours). */
    public static final Conformance FEATURES_CORE = new Conformance(Stream.concat(Stream.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"),
            Cql2Conformance.CLASSES.stream()).toList()); // filtering: the cql2 package's classes
}
