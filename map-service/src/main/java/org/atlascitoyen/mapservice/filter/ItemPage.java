package org.atlascitoyen.mapservice.filter;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A page of records as plain JSON ({@code format=json}): the same members as {@link FeaturePage}. */
@JsonPropertyOrder({"numberMatched", "numberReturned", "next", "items"})
public record ItemPage<I>(long numberMatched, int numberReturned, String next, List<I> items) {
}
