package org.atlascitoyen.importers.source;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The fields a directory record can have, named as in mapping files. A reader fills the raw text
 * of each; the directory import's cleaner turns it into the staged record.
 */
public enum Field {
    EXTERNAL_ID("externalId", 200),
    NAME("name", 300),
    TYPE("type", 200),
    THEMES("themes", 2_000),
    DESCRIPTION("description", 50_000),
    ADDRESS("address", 500),
    POSTCODE("postcode", 20),
    COMMUNE_NAME("communeName", 200),
    COMMUNE_CODE("communeCode", 20),
    LATITUDE("latitude", 50),
    LONGITUDE("longitude", 50),
    LAT_LON("latLon", 100),
    TERRITORY("territory", 100),
    /** With {@link #TERRITORY_CODE}, the territory in two columns: its level (commune, epci...). */
    TERRITORY_LEVEL("territoryLevel", 100),
    TERRITORY_CODE("territoryCode", 100),
    WEBSITE("website", 1_000),
    EMAIL("email", 300),
    PHONE("phone", 100),
    SIREN("siren", 30),
    RNA("rna", 30),
    STATUS("status", 200),
    START_DATE("startDate", 50),
    END_DATE("endDate", 50),
    LESSONS_LEARNED("lessonsLearned", 50_000),
    CARRIERS("carriers", 2_000);

    private static final Map<String, Field> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Field::key, Function.identity()));

    private final String key;
    private final int maxLength;

    Field(String key, int maxLength) {
        this.key = key;
        this.maxLength = maxLength;
    }

    /** The name of the field in mapping files. */
    public String key() {
        return key;
    }

    /** Longest value accepted; a longer one rejects the row rather than being cut. */
    public int maxLength() {
        return maxLength;
    }

    public static Field byKey(String key) {
        return BY_KEY.get(key);
    }

    public static String keys() {
        return Arrays.stream(values()).map(Field::key).collect(Collectors.joining(", "));
    }
}
