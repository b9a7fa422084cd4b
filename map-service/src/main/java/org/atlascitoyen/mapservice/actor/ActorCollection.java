package org.atlascitoyen.mapservice.actor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A page of actors as a GeoJSON FeatureCollection; {@code next} is the cursor of the following
 * page, null on the last one.
 */
@JsonPropertyOrder({"type", "numberReturned", "next", "features"})
public record ActorCollection(int numberReturned, String next, List<ActorFeature> features) {

    @JsonProperty("type")
    public String type() {
        return "FeatureCollection";
    }
}
