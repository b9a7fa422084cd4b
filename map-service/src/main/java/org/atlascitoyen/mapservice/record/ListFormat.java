package org.atlascitoyen.mapservice.record;

import java.util.function.Function;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

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

    /** A page in this format: the FeatureCollection itself, or its features as plain items. */
    public <F> ResponseEntity<Object> respond(FeaturePage<F> page, Function<F, ?> item) {
        Object body = this == GEOJSON ? page : new ItemPage<>(page.numberMatched(), page.numberMatchedMoreThan(),
                page.numberReturned(), page.next(), page.features().stream().map(item).toList());
        return ResponseEntity.ok().contentType(mediaType()).body(body);
    }
}
