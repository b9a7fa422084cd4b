package org.atlascitoyen.mapservice.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A MapLibre style (https://maplibre.org/maplibre-style-spec/): the sources and the layers that
 * draw them. Filters and paint values are style expressions, JSON arrays of mixed types, hence
 * {@code List<Object>} and {@code Map<String, Object>} inside otherwise typed records.
 */
public record MapStyle(int version, String name, Map<String, Source> sources, List<Layer> layers) {

    /** A raster source (tile URL templates) or a vector source (the URL of its TileJSON). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String type, String url, List<String> tiles, Integer tileSize, Integer maxzoom,
                         String attribution) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(String id, String type, String source, @JsonProperty("source-layer") String sourceLayer,
                        List<Object> filter, Map<String, Object> paint) {
    }
}
