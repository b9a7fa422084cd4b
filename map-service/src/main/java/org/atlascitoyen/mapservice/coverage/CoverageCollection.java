package org.atlascitoyen.mapservice.coverage;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A coverage as a GeoJSON FeatureCollection, one Feature per territory, ready for a choropleth;
 * {@code summary} is a foreign member (RFC 7946, section 6.1).
 */
@JsonPropertyOrder({"type", "summary", "features"})
public record CoverageCollection(CoverageSummary summary, List<CoverageFeature> features) {

    @JsonProperty("type")
    public String type() {
        return "FeatureCollection";
    }
}
