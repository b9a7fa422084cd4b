package org.atlascitoyen.mapservice.moderation;

import java.util.List;

/**
 * A signed-in account as the moderation side sees it: admin, or coordinator of territories.
 *
 * @param territories the territories it coordinates, as kind (commune, epci...) and code
 */
public record Moderator(long accountId, boolean admin, List<Territory> territories) {

    /** A territory held by a coordinator. */
    public record Territory(String kind, String code) {
    }

    /** Whether it may moderate anything at all. */
    public boolean moderates() {
        return admin || !territories.isEmpty();
    }
}
