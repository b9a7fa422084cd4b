package org.atlascitoyen.mapservice.tiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A TileJSON 3.0.0 document (https://github.com/mapbox/tilejson-spec/tree/master/3.0.0): where a
 * tile layer's tiles are, which zooms and area they cover, and the layer inside each tile with
 * its fields, so that QGIS or MapLibre adds the layer from this one URL.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TileJson(String tilejson, String name, String description, String attribution, String scheme,
                       List<String> tiles, int minzoom, int maxzoom, List<Double> bounds, List<Double> center,
                       @JsonProperty("vector_layers") List<VectorLayer> vectorLayers) {

    public static final String VERSION = "3.0.0";

    /** A layer of the tiles and its fields: name to type ({@code Number} or {@code String}, as Mapbox writes them). */
    public record VectorLayer(String id, String description, int minzoom, int maxzoom, Map<String, String> fields) {
    }
}
