package org.atlascitoyen.mapservice.territory;

import java.util.List;

/** Answer of {@code /api/territories}: the results, best first, and the paging applied. */
public record TerritorySearch(String q, String kind, int limit, int offset, List<TerritoryMatch> results) {
}
