package org.atlascitoyen.mapservice.actor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One actor of a list as plain JSON ({@code format=json}): its properties, lon and lat. */
@JsonPropertyOrder({"id"})
public record ActorItem(long id, @JsonUnwrapped ActorFeature.Properties properties, double lon, double lat) {
}
