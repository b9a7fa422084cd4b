package org.atlascitoyen.mapservice.needoffer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/**
 * One territory's needs and offers: the open needs placed in it, the open offers covering it, and
 * {@code unmet}, the needs for which no such offer shares a theme.
 */
@JsonPropertyOrder({"kind", "code", "name", "needs", "offers", "unmet"})
public record NeedOfferCoverage(String kind, String code, String name, long needs, long offers, long unmet) {

    /** One territory as a GeoJSON Feature ({@code id} {@code kind:code}) with its simplified polygon. */
    @JsonPropertyOrder({"type", "id", "properties", "geometry"})
    public record Feature(String id, NeedOfferCoverage properties, @JsonRawValue String geometry) {
        @JsonProperty("type")
        public String type() {
            return "Feature";
        }
    }

    /** The answer: a FeatureCollection. */
    @JsonPropertyOrder({"type", "features"})
    public record Collection(List<Feature> features) {
        @JsonProperty("type")
        public String type() {
            return "FeatureCollection";
        }
    }
}
