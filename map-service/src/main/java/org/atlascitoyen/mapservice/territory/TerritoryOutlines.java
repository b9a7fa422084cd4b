package org.atlascitoyen.mapservice.territory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * Every territory of a kind as a GeoJSON FeatureCollection of display outlines: kind, code and
 * name, and the polygon simplified for maps (5 decimals, about a metre).
 */
@JsonPropertyOrder({"type", "kind", "numberReturned", "features"})
public record TerritoryOutlines(String kind, List<Outline> features) {

    @JsonProperty("type")
    public String type() {
        return "FeatureCollection";
    }

    @JsonProperty("numberReturned")
    public int numberReturned() {
        return features.size();
    }

    /** One outline; {@code id} is {@code kind:code}. */
    @JsonPropertyOrder({"type", "id", "properties", "geometry"})
    public record Outline(String id, TerritoryRef properties, @JsonRawValue String geometry) {

        @JsonProperty("type")
        public String type() {
            return "Feature";
        }
    }
}
