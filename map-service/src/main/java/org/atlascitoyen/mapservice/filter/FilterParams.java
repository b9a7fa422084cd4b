package org.atlascitoyen.mapservice.filter;

import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;

/**
 * The filter parameters of every list, tile, coverage and export endpoint, as the request gives
 * them; {@link FilterParser} checks them. Repeatable ones take {@code theme=a&theme=b} or
 * {@code theme=a,b}.
 *
 * @param bbox         {@code minLon,minLat,maxLon,maxLat} (WGS84)
 * @param near         {@code lon,lat}: records within {@code radius} metres, nearest first
 * @param radius       metres around {@code near}
 * @param territory    {@code kind:code}, e.g. {@code epci:243100518}
 * @param theme        theme codes: records with any of them
 * @param type         actor type codes (actors only)
 * @param status       initiative status codes (initiatives only)
 * @param q            French full-text search on name, themes and description
 * @param updatedSince ISO date or date-time: records updated at or after it
 */
public record FilterParams(
        @Parameter(description = "minLon,minLat,maxLon,maxLat (WGS84)", example = "1.3,43.5,1.6,43.7") String bbox,
        @Parameter(description = "lon,lat: records within `radius` metres, nearest first, with their distance",
                example = "1.4442,43.6045") String near,
        @Parameter(description = "metres around `near` (default 10000, max 200000)") String radius,
        @Parameter(description = "kind:code of a territory (commune, epci, petr, bassin_vie, departement, region, qpv, pnr)",
                example = "epci:243100518") String territory,
        @Parameter(description = "theme codes (repeat or comma-separate): records with any of them",
                example = "alimentation") List<String> theme,
        @Parameter(description = "actor type codes (actors only)") List<String> type,
        @Parameter(description = "initiative status codes: idee, en_cours, terminee, abandonnee (initiatives only)")
        List<String> status,
        @Parameter(description = "French full-text search on name, themes and description; best matches first",
                example = "jardin partagé") String q,
        @Parameter(description = "ISO date (Paris time) or date-time: records updated at or after it") String updatedSince) {

    /** No filter at all. */
    public static final FilterParams NONE = new FilterParams(null, null, null, null, null, null, null, null, null);
}
