package org.atlascitoyen.mapservice.ogc;

import java.util.List;

/**
 * The properties of the features of the territories' collections. They are flat, and every one
 * is written even when null, because GDAL and QGIS derive a layer's fields from the first page.
 * Records have theirs from their kind's OGC shape ({@code RecordKind}, {@code RecordProperties}).
 */
public sealed interface FeatureProperties {

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
