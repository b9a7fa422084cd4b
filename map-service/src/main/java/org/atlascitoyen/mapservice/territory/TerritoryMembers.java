package org.atlascitoyen.mapservice.territory;

import java.util.List;

/**
 * Answer of {@code /api/territories/{kind}/{code}/members}: the territories of one kind that
 * share communes with the territory. {@code sharedCommunes} tells a full member (all its
 * communes) from one that only overlaps, e.g. an EPCI straddling two départements.
 */
public record TerritoryMembers(TerritoryRef territory, String memberKind, int count, List<Member> members) {

    /** One member and how many of its communes lie in the territory. */
    public record Member(String kind, String code, String name, Integer population, int sharedCommunes, int communes) {
    }
}
