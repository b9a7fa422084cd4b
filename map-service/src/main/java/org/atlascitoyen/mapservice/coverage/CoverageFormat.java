package org.atlascitoyen.mapservice.coverage;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.atlascitoyen.mapservice.record.ListFormat;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.springframework.http.MediaType;

/** How a coverage is written: GeoJSON with polygons (the default), plain JSON, or CSV. */
enum CoverageFormat {
    GEOJSON(ListFormat.GEOJSON_TYPE),
    JSON(MediaType.APPLICATION_JSON),
    CSV(new MediaType("text", "csv", StandardCharsets.UTF_8));

    private final MediaType mediaType;

    CoverageFormat(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    static CoverageFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return GEOJSON;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("format", "format is geojson (the default), json or csv, got '" + value + "'");
        }
    }

    MediaType mediaType() {
        return mediaType;
    }
}
