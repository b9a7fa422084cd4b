package org.atlascitoyen.mapservice.coverage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.atlascitoyen.mapservice.system.BadParameterException;
import org.atlascitoyen.mapservice.territory.TerritoryKind;

/**
 * The kinds of territory coverage is counted by: those every record is keyed to through its
 * commune. QPV and PNR do not follow commune borders and the region is a single territory, so
 * they are not levels.
 */
enum CoverageLevel {
    COMMUNE(TerritoryKind.COMMUNE, "commune", "code"),
    EPCI(TerritoryKind.EPCI, "epci", "epci"),
    PETR(TerritoryKind.PETR, "petr", "petr"),
    BASSIN_VIE(TerritoryKind.BASSIN_VIE, "bassin_vie", "bassin_vie"),
    DEPARTEMENT(TerritoryKind.DEPARTEMENT, "departement", "departement");

    private final TerritoryKind kind;
    private final String recordKey;
    private final String communeKey;

    CoverageLevel(TerritoryKind kind, String recordKey, String communeKey) {
        this.kind = kind;
        this.recordKey = recordKey;
        this.communeKey = communeKey;
    }

    /** The level named by the {@code level} parameter, or a 400 that lists the levels. */
    static CoverageLevel parse(String value) {
        String levels = Arrays.stream(values()).map(CoverageLevel::key).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new BadParameterException("level", "level is required: one of " + levels);
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(l -> l.key().equals(v))
                .findFirst()
                .orElseThrow(() -> new BadParameterException("level", "Unknown level '" + value + "'; expected one of "
                        + levels));
    }

    TerritoryKind kind() {
        return kind;
    }

    /** As in parameters, ids and file names: {@code bassin_vie}. */
    String key() {
        return kind.key();
    }

    /** The column of {@code actor} and {@code initiative} that holds the territory's code. */
    String recordKey() {
        return recordKey;
    }

    /** The column of {@code commune} that holds the territory's code. */
    String communeKey() {
        return communeKey;
    }
}
