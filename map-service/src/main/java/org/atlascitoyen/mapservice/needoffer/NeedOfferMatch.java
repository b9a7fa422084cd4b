package org.atlascitoyen.mapservice.needoffer;

import java.util.List;

/**
 * One proposal of "who could answer" an announcement: an announcement of the other nature
 * ({@code kind} needs-offers) or an actor ({@code kind} actors), how close its territory is to the
 * announcement's ({@code closeness}: commune, bassin_vie, epci, petr, departement, autre) and how
 * far (metres), and the themes both share.
 */
public record NeedOfferMatch(String kind, long id, String name, String nature, String natureLabel, String typeLabel,
        String communeName, String closeness, String closenessLabel, long distance, List<String> sharedThemes) {

    /** What {@code GET /api/needs-offers/{id}/matches} answers. */
    public record Page(List<NeedOfferMatch> items) {
    }
}
