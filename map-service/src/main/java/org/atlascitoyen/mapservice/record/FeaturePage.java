package org.atlascitoyen.mapservice.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A page of records as a GeoJSON FeatureCollection, with the members OGC API Features also uses
 * for counts: {@code numberMatched} (every match of the filter) and {@code numberReturned}.
 * Past {@code atlas.count-max} matches, {@code numberMatched} is left out and
 * {@code numberMatchedMoreThan} gives the cap instead. {@code next} is the cursor of the
 * following page, null on the last one.
 */
@JsonPropertyOrder({"type", "numberMatched", "numberMatchedMoreThan", "numberReturned", "next", "features"})
public record FeaturePage<F>(@JsonInclude(JsonInclude.Include.NON_NULL) Long numberMatched,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Long numberMatchedMoreThan,
                             int numberReturned, String next, List<F> features) {

    @JsonProperty("type")
    public String type() {
        return "FeatureCollection";
    }
}
