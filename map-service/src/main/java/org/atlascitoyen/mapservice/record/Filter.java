package org.atlascitoyen.mapservice.record;

import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.territory.TerritoryKind;

/**
 * A checked set of criteria on the records of a kind; null or empty means "no criterion". The
 * same filter drives lists, tiles, coverage and exports, so that a count, a map and a file
 * always agree.
 *
 * @param categories codes of the kind's category ({@code type} of actors, {@code status} of
 *                   initiatives): records with any of them
 * @param period     events only: those that overlap it, else null
 * @param territoryTypes experiences only: those in any of these kinds of territory ({@link #TERRITORY_TYPES})
 */
public record Filter(RecordKind kind, Bbox bbox, Near near, Territory territory, List<String> themes,
                     List<String> categories, String q, OffsetDateTime updatedSince, Period period,
                     List<String> territoryTypes) {

    /**
     * The kinds of territory of {@code territoryType} (V24: table {@code territory_type}): rural or
     * urban bassin de vie and EPCI, and being in a QPV or a PNR.
     */
    public static final List<String> TERRITORY_TYPES = List.of("bassin_vie_rural", "bassin_vie_urbain", "epci_rural",
            "epci_urbain", "qpv", "pnr");

    public Filter {
        themes = themes == null ? List.of() : List.copyOf(themes);
        categories = categories == null ? List.of() : List.copyOf(categories);
        territoryTypes = territoryTypes == null ? List.of() : List.copyOf(territoryTypes);
    }

    /** Criteria without kinds of territory. */
    public Filter(RecordKind kind, Bbox bbox, Near near, Territory territory, List<String> themes,
                  List<String> categories, String q, OffsetDateTime updatedSince, Period period) {
        this(kind, bbox, near, territory, themes, categories, q, updatedSince, period, null);
    }

    /** Criteria without a period. */
    public Filter(RecordKind kind, Bbox bbox, Near near, Territory territory, List<String> themes,
                  List<String> categories, String q, OffsetDateTime updatedSince) {
        this(kind, bbox, near, territory, themes, categories, q, updatedSince, null);
    }

    /** Every record of a kind. */
    public static Filter all(RecordKind kind) {
        return new Filter(kind, null, null, null, null, null, null, null);
    }

    /** The same criteria without the bounding box (a tile brings its own). */
    public Filter withoutBbox() {
        return new Filter(kind, null, near, territory, themes, categories, q, updatedSince, period, territoryTypes);
    }

    /**
     * How records are ordered: nearest first around {@code near}, best match for {@code q}, else
     * events by start (an agenda reads by date) and other kinds by id.
     */
    public Sort sort() {
        return near != null ? Sort.DISTANCE : q != null ? Sort.RANK : kind == RecordKind.EVENT ? Sort.DATE : Sort.ID;
    }

    /**
     * The criteria in a few words fit for a file name ({@code epci-243100518_theme-climat}), empty
     * without criteria.
     */
    public String slug() {
        return slug(List.of());
    }

    /**
     * The slug of this filter with the categories of other filters of the same request after its
     * own (coverage filters actors by type and initiatives by status).
     */
    public String slug(List<Filter> others) {
        List<String> parts = new ArrayList<>();
        if (territory != null) {
            parts.add(territory.kind().key() + "-" + territory.code());
        }
        if (!themes.isEmpty()) {
            parts.add("theme-" + String.join("-", themes));
        }
        for (Filter filter : concat(this, others)) {
            if (!filter.categories.isEmpty()) {
                parts.add(filter.kind.category().parameter() + "-" + String.join("-", filter.categories));
            }
        }
        if (!territoryTypes.isEmpty()) {
            parts.add("territoryType-" + String.join("-", territoryTypes));
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
        if (period != null && period.from() != null) {
            parts.add("from-" + period.from().toLocalDate());
        }
        if (period != null && period.to() != null) {
            parts.add("to-" + period.to().toLocalDate());
        }
        String plain = Normalizer.normalize(String.join("_", parts), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("-+(_|$)", "$1");
        return slug.length() > 120 ? slug.substring(0, 120) : slug;
    }

    private static List<Filter> concat(Filter first, List<Filter> others) {
        List<Filter> all = new ArrayList<>(List.of(first));
        all.addAll(others);
        return all;
    }

    /** A WGS84 box, west to east and south to north. */
    public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {
    }

    /** A point and a radius in metres. */
    public record Near(double lon, double lat, double radius) {
    }

    /**
     * Events that overlap a period: ending at or after {@code from}, starting before {@code to};
     * either may be null (open).
     */
    public record Period(OffsetDateTime from, OffsetDateTime to) {
    }

    /** A territory by kind and code, known to exist. */
    public record Territory(TerritoryKind kind, String code) {
    }

    /** The orders a list can have; each has its own cursor, told apart by its letter. */
    public enum Sort {
        ID('I'), DISTANCE('D'), RANK('R'), DATE('T');

        private final char letter;

        Sort(char letter) {
            this.letter = letter;
        }

        /** The letter that starts this order's cursors. */
        public char letter() {
            return letter;
        }
    }
}
