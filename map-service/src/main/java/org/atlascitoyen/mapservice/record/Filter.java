package org.atlascitoyen.mapservice.record;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atlascitoyen.mapservice.territory.TerritoryKind;

/**
 * A checked set of criteria on actors or initiatives; null or empty means "no criterion". The
 * same filter drives lists, tiles, coverage and exports, so that a count, a map and a file
 * always agree.
 */
public record Filter(Dataset dataset, Bbox bbox, Near near, Territory territory, List<String> themes,
                     List<String> types, List<String> statuses, String q, OffsetDateTime updatedSince) {

    public Filter {
        themes = themes == null ? List.of() : List.copyOf(themes);
        types = types == null ? List.of() : List.copyOf(types);
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** Every record of a dataset. */
    public static Filter all(Dataset dataset) {
        return new Filter(dataset, null, null, null, null, null, null, null, null);
    }

    /** The same criteria without the bounding box (a tile brings its own). */
    public Filter withoutBbox() {
        return new Filter(dataset, null, near, territory, themes, types, statuses, q, updatedSince);
    }

    /** How records are ordered: nearest first around {@code near}, best match for {@code q}, else by id. */
    public Sort sort() {
        return near != null ? Sort.DISTANCE : q != null ? Sort.RANK : Sort.ID;
    }

    /**
     * The criteria in a few words fit for a file name ({@code epci-243100518_theme-climat}), empty
     * without criteria.
     */
    public String slug() {
        List<String> parts = new ArrayList<>();
        if (territory != null) {
            parts.add(territory.kind().key() + "-" + territory.code());
        }
        if (!themes.isEmpty()) {
            parts.add("theme-" + String.join("-", themes));
        }
        if (!types.isEmpty()) {
            parts.add("type-" + String.join("-", types));
        }
        if (!statuses.isEmpty()) {
            parts.add("status-" + String.join("-", statuses));
        }
        if (q != null) {
            parts.add("q-" + q);
        }
        if (near != null) {
            parts.add("near-" + (long) near.radius() + "m");
        }
        if (bbox != null) {
            parts.add("bbox");
        }
        if (updatedSince != null) {
            parts.add("since-" + updatedSince.toLocalDate());
        }
        String plain = Normalizer.normalize(String.join("_", parts), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("-+(_|$)", "$1");
        return slug.length() > 120 ? slug.substring(0, 120) : slug;
    }

    /** A WGS84 box, west to east and south to north. */
    public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {
    }

    /** A point and a radius in metres. */
    public record Near(double lon, double lat, double radius) {
    }

    /** A territory by kind and code, known to exist. */
    public record Territory(TerritoryKind kind, String code) {
    }

    /** The orders a list can have; each has its own cursor. */
    public enum Sort {
        ID, DISTANCE, RANK
    }
}
