package org.atlascitoyen.mapservice.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * {@code GET /api/coordination/territories?kind=}: the territories of a kind with their number of
 * coordinators, as a GeoJSON FeatureCollection of their display outlines.
 */
@JsonPropertyOrder({"type", "kind", "numberReturned", "withoutCoordinator", "features"})
public record CoordinationCollection(String kind, long withoutCoordinator, List<Feature> features) {

    @JsonProperty("type")
    public String type() {
        return "FeatureCollection";
    }

    @JsonProperty("numberReturned")
    public int numberReturned() {
        return features.size();
    }

    /** One territory; {@code id} is {@code kind:code}. */
    @JsonPropertyOrder({"type", "id", "properties", "geometry"})
    public record Feature(String id, Properties properties, @JsonRawValue String geometry) {

        @JsonProperty("type")
        public String type() {
            return "Feature";
        }
    }

    /** A feature's properties. */
    public record Properties(String kind, String code, String name, int coordinators) {
    }

    static CoordinationCollection of(String kind, List<CoordinationTerritory> territories) {
        return new CoordinationCollection(kind, territories.stream().filter(t -> t.coordinators() == 0).count(),
                territories.stream().map(t -> new Feature(t.kind() + ":" + t.code(),
                        new Properties(t.kind(), t.code(), t.name(), t.coordinators()), t.geometry())).toList());
    }
}
