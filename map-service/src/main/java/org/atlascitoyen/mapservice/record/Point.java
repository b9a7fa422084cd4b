package org.atlascitoyen.mapservice.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A GeoJSON Point, lon/lat in WGS84 (RFC 7946), at most 6 decimals as the SQL rounds them. */
@JsonPropertyOrder({"type", "coordinates"})
public record Point(@JsonIgnore double lon, @JsonIgnore double lat) {

    @JsonProperty("type")
    public String type() {
        return "Point";
    }

    @JsonProperty("coordinates")
    public double[] coordinates() {
        return new double[] {lon, lat};
    }
}
