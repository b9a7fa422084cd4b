package org.atlascitoyen.mapservice.initiative;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One initiative of a list as plain JSON ({@code format=json}): its properties, lon and lat. */
@JsonPropertyOrder({"id"})
public record InitiativeItem(long id, @JsonUnwrapped InitiativeFeature.Properties properties, double lon, double lat) {
}
