package org.atlascitoyen.mapservice.person;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * One commune's coverage by resource persons: how many persons matching the filters cover it
 * through their perimeter; {@code zoneBlanche} when none.
 */
public record PersonCoverage(String code, String name, Integer population, long persons, boolean zoneBlanche) {

    /** The totals: communes listed, and how many of them no person covers. */
    public record Summary(long communes, long zonesBlanches) {
    }

    /** {@code format=json}. */
    public record Listing(Summary summary, List<PersonCoverage> communes) {
    }

    /** One commune as a GeoJSON Feature ({@code id} {@code commune:CODE}) with its simplified polygon. */
    @JsonPropertyOrder({"type", "id", "properties", "geometry"})
    public record Feature(String id, PersonCoverage properties, @JsonRawValue String geometry) {
        @JsonProperty("type")
        public String type() {
            return "Feature";
        }
    }

    /** {@code format=geojson} (default): a FeatureCollection with {@code summary} as a foreign member. */
    @JsonPropertyOrder({"type", "summary", "features"})
    public record Collection(Summary summary, List<Feature> features) {
        @JsonProperty("type")
        public String type() {
            return "FeatureCollection";
        }
    }
}
