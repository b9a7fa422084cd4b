package org.atlascitoyen.mapservice.coverage;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The coverage of one territory: how many actors and initiatives match the filters there, per
 * 10,000 inhabitants, and the themes they carry. A "zone blanche" has neither.
 *
 * @param population        population municipale of the whole territory, as /api/territories
 *                          gives it (a bassin de vie or an EPCI may reach beyond the region)
 * @param actorsPer10k      actors per 10,000 inhabitants, 2 decimals; null without a population
 * @param initiativesPer10k initiatives per 10,000 inhabitants, likewise
 * @param zoneBlanche       true when no actor and no initiative matches
 * @param themes            the themes present, most frequent first
 */
@JsonPropertyOrder({"kind", "code", "name", "population", "actors", "initiatives", "actorsPer10k",
        "initiativesPer10k", "zoneBlanche", "themes"})
public record Coverage(String kind, String code, String name, Integer population, long actors, long initiatives,
                       Double actorsPer10k, Double initiativesPer10k, boolean zoneBlanche, List<ThemeCount> themes) {

    /** A territory's coverage from its counts; the rates and the flag follow from them. */
    static Coverage of(String kind, String code, String name, Integer population, long actors, long initiatives,
                       List<ThemeCount> themes) {
        return new Coverage(kind, code, name, population, actors, initiatives, per10k(actors, population),
                per10k(initiatives, population), actors == 0 && initiatives == 0, themes);
    }

    private static Double per10k(long count, Integer population) {
        if (population == null || population <= 0) {
            return null;
        }
        return Math.round(count * 10_000.0 * 100 / population) / 100.0;
    }

    /** One theme of the records of a territory: how many actors and initiatives carry it. */
    public record ThemeCount(String code, long actors, long initiatives) {
    }
}
