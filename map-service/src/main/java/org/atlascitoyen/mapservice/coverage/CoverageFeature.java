package org.atlascitoyen.mapservice.coverage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One territory's coverage as a GeoJSON Feature: {@code id} is {@code kind:code}, the geometry
 * its simplified display polygon (GeoJSON text from PostGIS, 6 decimals), null when the reference
 * data has none.
 */
@JsonPropertyOrder({"type", "id", "properties", "geometry"})
public record CoverageFeature(String id, Coverage properties, @JsonRawValue String geometry) {

    @JsonProperty("type")
    public String type() {
        return "Feature";
    }
}
