package org.atlascitoyen.mapservice.territory;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.atlascitoyen.mapservice.system.BadParameterException;

/** The kinds of territory, as they appear in paths and parameters ({@code bassin_vie}, ...). */
public enum TerritoryKind {
    COMMUNE, EPCI, PETR, BASSIN_VIE, DEPARTEMENT, REGION, QPV, PNR;

    /** The kinds of territory that can lie inside one of this kind (its members). */
    public List<TerritoryKind> memberKinds() {
        return switch (this) {
            case COMMUNE -> List.of(QPV);
            case EPCI, BASSIN_VIE -> List.of(COMMUNE, QPV);
            case PETR -> List.of(COMMUNE, EPCI, QPV);
            case DEPARTEMENT -> List.of(COMMUNE, EPCI, PETR, BASSIN_VIE, QPV, PNR);
            case REGION -> List.of(COMMUNE, EPCI, PETR, BASSIN_VIE, DEPARTEMENT, QPV, PNR);
            case QPV -> List.of(COMMUNE);
            case PNR -> List.of(COMMUNE, EPCI);
        };
    }

    /** The kinds that can contain one of this kind: every other kind but its members and QPV. */
    public List<TerritoryKind> parentKinds() {
        return Arrays.stream(values())
                .filter(k -> k != this && k != QPV && !memberKinds().contains(k))
                .toList();
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named by a parameter value, or a 400 naming the parameter and the valid values. */
    public static TerritoryKind parse(String value, String parameter) {
        return Arrays.stream(values())
                .filter(k -> k.key().equals(value))
                .findFirst()
                .orElseThrow(() -> new BadParameterException(parameter, "Unknown territory kind '" + value
                        + "'; expected one of " + Arrays.stream(values()).map(TerritoryKind::key).collect(Collectors.joining(", "))));
    }
}
