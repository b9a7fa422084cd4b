package org.atlascitoyen.mapservice.record;

import io.swagger.v3.oas.annotations.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.record.RecordKind;

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
 * @param role         resource person role codes (persons only)
 * @param nature       need or offer (needs and offers only)
 * @param eventType    event type codes (events only)
 * @param outcome      experience outcome codes (experiences only)
 * @param q            French full-text search on name, themes and description
 * @param updatedSince ISO date or date-time: records updated at or after it
 * @param from         ISO date or date-time: events ending at or after it (events only)
 * @param to           ISO date or date-time: events starting before it; a date includes its whole day (events only)
 * @param territoryType kinds of territory: {@code bassin_vie_rural}, {@code bassin_vie_urbain}, {@code epci_rural},
 *                     {@code epci_urbain}, {@code qpv}, {@code pnr} (experiences only)
 */
public record FilterParams(
        @Parameter(description = "minLon,minLat,maxLon,maxLat (WGS84)", example = "1.3,43.5,1.6,43.7") String bbox,
        @Parameter(description = "lon,lat: records within `radius` metres, nearest first, with their distance",
                example = "1.4442,43.6045") String near,
        @Parameter(description = "metres around `near` (default and maximum: atlas.near-radius-default and -max, see the README)") String radius,
        @Parameter(description = "kind:code of a territory (commune, epci, petr, bassin_vie, departement, region, qpv, pnr)",
                example = "epci:243100518") String territory,
        @Parameter(description = "theme codes (repeat or comma-separate): records with any of them",
                example = "alimentation") List<String> theme,
        @Parameter(description = "actor type codes (actors only)") List<String> type,
        @Parameter(description = "initiative status codes: idee, en_cours, terminee, abandonnee (initiatives only)")
        List<String> status,
        @Parameter(description = "resource person role codes: facilitateur, referent, elu, animateur, autre (persons only)")
        List<String> role,
        @Parameter(description = "need or offer (needs and offers only)") List<String> nature,
        @Parameter(description = "event type codes: rencontre, formation, atelier, conference, festival, reunion_publique, "
                + "autre (events only)") List<String> eventType,
        @Parameter(description = "experience outcome codes: reussi, mitige, abandonne, echec, non_precise (experiences only)")
        List<String> outcome,
        @Parameter(description = "French full-text search on name, themes and description; best matches first",
                example = "jardin partagé") String q,
        @Parameter(description = "ISO date (Paris time) or date-time: records updated at or after it") String updatedSince,
        @Parameter(description = "ISO date (Paris time) or date-time: events ending at or after it (events only)",
                example = "2026-12-01") String from,
        @Parameter(description = "ISO date (Paris time, the whole day included) or date-time: events starting before it "
                + "(events only)", example = "2026-12-31") String to,
        @Parameter(description = "kinds of territory (repeat or comma-separate): bassin_vie_rural, bassin_vie_urbain, "
                + "epci_rural, epci_urbain, qpv, pnr (experiences only)") List<String> territoryType) {

    /** No filter at all. */
    public static final FilterParams NONE = new FilterParams(null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null);

    /** The codes given for a kind's category parameter ({@code type}, {@code status}, {@code role}...). */
    public List<String> category(String parameter) {
        return switch (parameter) {
            case "type" -> type;
            case "status" -> status;
            case "role" -> role;
            case "nature" -> nature;
            case "eventType" -> eventType;
            case "outcome" -> outcome;
            default -> throw new IllegalArgumentException("No filter parameter " + parameter);
        };
    }

    /**
     * The same parameters with the category codes of one kind only: coverage counts actors and
     * initiatives from one request, the types filtering the actors and the statuses the initiatives.
     */
    public FilterParams onlyCategoryOf(RecordKind kind) {
        String keep = kind.category().parameter();
        return new FilterParams(bbox, near, radius, territory, theme, keep.equals("type") ? type : null,
                keep.equals("status") ? status : null, keep.equals("role") ? role : null,
                keep.equals("nature") ? nature : null, keep.equals("eventType") ? eventType : null,
                keep.equals("outcome") ? outcome : null, q, updatedSince, from, to, territoryType);
    }

    /** The same parameters without {@code bbox} (a tile brings its own box). */
    public FilterParams withoutBbox() {
        return new FilterParams(null, near, radius, territory, theme, type, status, role, nature, eventType, outcome, q,
                updatedSince, from, to, territoryType);
    }

    /**
     * The parameters in one canonical form, for cache keys and ETags, read without checking them:
     * names in order, values stripped, repeated and comma-separated codes merged, deduplicated and
     * sorted (they select "any of"), empty values left out. Two requests with the same canonical
     * form select the same records; {@code ""} without any parameter.
     */
    public String canonical() {
        Map<String, String> values = new TreeMap<>();
        put(values, "bbox", bbox);
        put(values, "near", near);
        put(values, "radius", radius);
        put(values, "territory", territory);
        put(values, "q", q);
        put(values, "updatedSince", updatedSince);
        put(values, "from", from);
        put(values, "to", to);
        putCodes(values, "theme", theme);
        putCodes(values, "type", type);
        putCodes(values, "status", status);
        putCodes(values, "role", role);
        putCodes(values, "nature", nature);
        putCodes(values, "eventType", eventType);
        putCodes(values, "outcome", outcome);
        putCodes(values, "territoryType", territoryType);
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    private static void put(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.strip());
        }
    }

    private static void putCodes(Map<String, String> values, String name, List<String> codes) {
        if (codes != null) {
            TreeSet<String> set = codes.stream().filter(Objects::nonNull)
                    .flatMap(c -> Arrays.stream(c.split(","))).map(String::strip).filter(c -> !c.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!set.isEmpty()) {
                values.put(name, String.join(",", set));
            }
        }
    }
}
