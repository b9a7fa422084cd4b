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
    CARRIERS("carriers", 2_000),
    /** The column saying a row is a natural person's, set by the mapping's {@code naturalPersons} block only. */
    NATURAL_PERSON("naturalPersons.column", 200),
    /** The INSEE legal form (catégorie juridique), set by the mapping's {@code naturalPersons} block only. */
    LEGAL_FORM("naturalPersons.legalFormColumn", 200);

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

    /** A field a mapping names at its top level (not one of the {@code naturalPersons} block's columns). */
    public static Field byKey(String key) {
        Field field = BY_KEY.get(key);
        return field == null || field.inBlock() ? null : field;
    }

    /** Whether the field is read through a block of the mapping rather than named at its top level. */
    public boolean inBlock() {
        return key.indexOf('.') >= 0;
    }

    public static String keys() {
        return Arrays.stream(values()).filter(f -> !f.inBlock()).map(Field::key).collect(Collectors.joining(", "));
    }
}
