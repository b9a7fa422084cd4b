package org.atlascitoyen.mapservice.tiles;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The clusters of a bbox at a zoom as a GeoJSON FeatureCollection: {@code clustered} is false
 * from the zoom on where every feature is a single record; {@code numberMatched} counts the
 * records of the features (a cluster on the bbox's edge counts all its records).
 */
@JsonPropertyOrder({"type", "zoom", "clustered", "numberMatched", "numberReturned", "features"})
public record ClusterCollection(int zoom, boolean clustered, List<ClusterFeature> features) {

    @JsonProperty("type")
    public String type() {
        return "FeatureCollection";
    }

    @JsonProperty("numberMatched")
    public long numberMatched() {
        return features.stream().mapToLong(f -> f.properties().count()).sum();
    }

    @JsonProperty("numberReturned")
    public int numberReturned() {
        return features.size();
    }
}
