package org.atlascitoyen.mapservice.filter;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A page of records as a GeoJSON FeatureCollection, with the members OGC API Features also uses
 * for counts: {@code numberMatched} (every match of the filter) and {@code numberReturned}.
 * {@code next} is the cursor of the following page, null on the last one.
 */
@JsonPropertyOrder({"type", "numberMatched", "numberReturned", "next", "features"})
public record FeaturePage<F>(long numberMatched, int numberReturned, String next, List<F> features) {

    @JsonProperty("type")
    public String type() {
        return "FeatureCollection";
    }
}
