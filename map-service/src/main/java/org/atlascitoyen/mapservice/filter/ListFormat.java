package org.atlascitoyen.mapservice.filter;

import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.http.MediaType;

/** How a list is written: a GeoJSON FeatureCollection (the default) or plain JSON items. */
public enum ListFormat {
    GEOJSON, JSON;

    public static final MediaType GEOJSON_TYPE = MediaType.parseMediaType("application/geo+json");

    public static ListFormat parse(String value) {
        if (value == null || value.isBlank() || value.equalsIgnoreCase("geojson")) {
            return GEOJSON;
        }
        if (value.equalsIgnoreCase("json")) {
            return JSON;
        }
        throw new BadParameterException("format", "format is geojson (the default) or json, got '" + value + "'");
    }

    public MediaType mediaType() {
        return this == GEOJSON ? GEOJSON_TYPE : MediaType.APPLICATION_JSON;
    }
}
