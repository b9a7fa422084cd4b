package org.atlascitoyen.mapservice.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** A page of records as plain JSON ({@code format=json}): the same members as {@link FeaturePage}. */
@JsonPropertyOrder({"numberMatched", "numberMatchedMoreThan", "numberReturned", "next", "items"})
public record ItemPage<I>(@JsonInclude(JsonInclude.Include.NON_NULL) Long numberMatched,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Long numberMatchedMoreThan,
                          int numberReturned, String next, List<I> items) {
}
