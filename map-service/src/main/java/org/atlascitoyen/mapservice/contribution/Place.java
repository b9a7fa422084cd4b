package org.atlascitoyen.mapservice.contribution;

/**
 * Where a contribution lies: the commune and the territory keys above it (what the moderation
 * queues look up), and, for a proposed place, the point and its precision.
 */
public record Place(String commune, String epci, String petr, String bassinVie, String departement, String region,
        Double lon, Double lat, String precision) {
}
