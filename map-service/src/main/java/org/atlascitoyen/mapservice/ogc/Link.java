package org.atlascitoyen.mapservice.ogc;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A link of OGC API Features (RFC 8288 in JSON): an absolute {@code href}, its relation to the
 * resource that holds it, and the media type it answers with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String href, String rel, String type, String title) {

    public static final String JSON = "application/json";
    public static final String GEOJSON = "application/geo+json";
    public static final String HTML = "text/html";
    public static final String SCHEMA = "application/schema+json";
    public static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
}
