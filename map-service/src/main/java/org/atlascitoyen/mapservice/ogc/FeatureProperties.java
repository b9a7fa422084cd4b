package org.atlascitoyen.mapservice.ogc;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The properties of the features of each collection. They are flat, and every one is written
 * even when null, because GDAL and QGIS derive a layer's fields from the first page. Actors have
 * no field for private data (email, phone): it cannot leave through here.
 */
public sealed interface FeatureProperties {

    /**
     * An actor. {@code commune} and the territory keys after it are those of its commune.
     *
     * @param precision how the point was placed: address, commune (its point-on-surface) or territory
     * @param sources   the directories it was imported from
     */
    record Actor(String name, String type, String typeLabel, List<String> themes, String description,
                 String website, String precision, String commune, String communeName, String epci, String petr,
                 String bassinVie, String departement, String region, OffsetDateTime updatedAt,
                 List<String> sources) implements FeatureProperties {
    }

    /**
     * An initiative.
     *
     * @param lessonsLearned what worked and what did not ("retex"), failures included
     * @param carriers       how many actors carry it
     */
    record Initiative(String name, String status, String statusLabel, List<String> themes, String description,
                      String lessonsLearned, LocalDate startDate, LocalDate endDate, String website,
                      String precision, String commune, String communeName, String epci, String petr,
                      String bassinVie, String departement, String region, int carriers, OffsetDateTime updatedAt,
                      List<String> sources) implements FeatureProperties {
    }

    /**
     * A territory other than a commune.
     *
     * @param category   EPCI legal form (CC, CA, CU, METRO) where it applies
     * @param population population municipale of the whole territory (also outside the region)
     */
    record Territory(String code, String name, String category, Integer population, String vintage)
            implements FeatureProperties {
    }

    /** A commune with the keys of the territories it belongs to. */
    record Commune(String code, String name, Integer population, String departement, String epci, String petr,
                   String bassinVie, List<String> postcodes, String vintage) implements FeatureProperties {
    }
}
