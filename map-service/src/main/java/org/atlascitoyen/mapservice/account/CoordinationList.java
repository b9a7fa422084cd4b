package org.atlascitoyen.mapservice.account;

import java.util.List;

/** {@code GET /api/coordination/territories?kind=&format=json}: the same as plain JSON, without outlines. */
public record CoordinationList(String kind, long withoutCoordinator, List<Item> items) {

    /** One territory and its number of coordinators. */
    public record Item(String kind, String code, String name, int coordinators) {
    }

    static CoordinationList of(String kind, List<CoordinationTerritory> territories) {
        return new CoordinationList(kind, territories.stream().filter(t -> t.coordinators() == 0).count(),
                territories.stream().map(t -> new Item(t.kind(), t.code(), t.name(), t.coordinators())).toList());
    }
}
