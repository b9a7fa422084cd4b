package org.atlascitoyen.mapservice.needoffer;

/**
 * Where an announcement is placed: its point and precision, the territory it stands for when not
 * a point, its territory keys (null above what its place fixes), and, when posted for an actor,
 * the actor's name as its author's.
 */
record NeedOfferPlace(String precision, double lon, double lat, String territoryKind, String territoryCode, String commune,
        String epci, String petr, String bassinVie, String departement, String region, String actorName) {
}
