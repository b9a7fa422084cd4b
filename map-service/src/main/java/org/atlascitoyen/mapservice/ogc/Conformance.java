package org.atlascitoyen.mapservice.ogc;

import java.util.List;

/** The conformance classes the API implements ({@code /ogc/conformance}). */
public record Conformance(List<String> conformsTo) {

    /**
     * Only what is implemented and passes the OGC's test suite (OgcEtsIT): Part 1 core, GeoJSON and
     * the OpenAPI 3.0 definition ({@code /ogc/api}), and Part 2 CRS by reference. No HTML encoding
     * of the resources.
     */
    public static final Conformance IMPLEMENTED = new Conformance(List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs"));
}
