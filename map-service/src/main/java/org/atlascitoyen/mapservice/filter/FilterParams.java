package org.atlascitoyen.mapservice.filter;

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
public record FilterParams(String bbox, String near, String radius, String territory, List<String> theme,
                           List<String> type, List<String> status, String q, String updatedSince) {

    /** No filter at all. */
    public static final FilterParams NONE = new FilterParams(null, null, null, null, null, null, null, null, null);
}
