package org.atlascitoyen.importers.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.Names;

/**
 * The territory a row names, in either of the two forms a mapping can read: one {@code territory}
 * cell {@code KIND:CODE} ({@code epci:243100518}), or a level cell and a code cell
 * ({@code territoryLevel}, {@code territoryCode}) as national open data publishes them
 * ({@code niveau} = commune, epci, departement, region, with {@code code}). Both give the same
 * kind and code, which the import then looks up among the territories of the region.
 *
 * <p>A level is a territory kind written in any case and with or without accents ("Région"),
 * INSEE's abbreviation ({@code COM}, {@code DEP}, {@code REG}) or a common name
 * ("intercommunalité", "bassin de vie"); the mapping's {@code values} may translate others. A
 * code is read as spreadsheets write it: spaces and a trailing ".0" are dropped, and the leading
 * zero a number cell loses is put back for communes, bassins de vie and départements.
 */
final class TerritoryReference {

    /** A territory kind, as the territory table has it, and its code. */
    record Territory(String kind, String code) {
    }

    /** The territory kinds a row may name, in the order messages list them. */
    static final List<String> KINDS = List.of("commune", "epci", "departement", "region", "petr", "bassin_vie", "pnr", "qpv");

    /** The level names that are no kind's own, in their matching form. */
    private static final Map<String, String> LEVEL_NAMES = Map.of(
            "com", "commune", "dep", "departement", "reg", "region", "intercommunalite", "epci",
            "bassin de vie", "bassin_vie", "quartier prioritaire", "qpv", "parc naturel regional", "pnr");

    private static final Map<String, String> KIND_BY_LEVEL = levels();

    private final Mapping.Rule levelRule;

    /** @param levelRule the mapping's rule for the level column, whose {@code values} translate levels; may be null */
    TerritoryReference(Mapping.Rule levelRule) {
        this.levelRule = levelRule;
    }

    /** The territory of a {@code KIND:CODE} cell. */
    static Territory parse(String kindColonCode) throws RejectedRow {
        int colon = kindColonCode.indexOf(':');
        String kind = colon < 0 ? "" : kindColonCode.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        if (colon < 0 || !KINDS.contains(kind)) {
            throw new RejectedRow("bad territory", "'" + kindColonCode + "' is not KIND:CODE with KIND one of " + KINDS);
        }
        return new Territory(kind, code(kind, kindColonCode.substring(colon + 1)));
    }

    /**
     * The territory of a level cell and a code cell; empty when both are empty, or when the
     * mapping translates the level to nothing ({@code values: {pays: null}}).
     */
    Optional<Territory> of(String level, String code) throws RejectedRow {
        if (level == null && code == null) {
            return Optional.empty();
        }
        if (level == null) {
            throw new RejectedRow("bad territory", "code '" + code + "' without a level (" + String.join(", ", KINDS) + ")");
        }
        Optional<List<String>> translated = levelRule == null ? Optional.empty() : levelRule.translate(level);
        if (translated.isPresent() && translated.get().isEmpty()) {
            return Optional.empty();
        }
        String name = translated.map(codes -> codes.get(0)).orElse(level);
        String kind = KIND_BY_LEVEL.get(Names.normalize(name));
        if (kind == null) {
            throw new RejectedRow("bad territory", "'" + name + "' is not a territory level; levels are "
                    + String.join(", ", KINDS) + " (a mapping's 'values' may translate others)");
        }
        if (code == null) {
            throw new RejectedRow("bad territory", "level '" + level + "' without a code");
        }
        return Optional.of(new Territory(kind, code(kind, code)));
    }

    /**
     * A code as the territory table writes it: no spaces, the lost leading zero put back; upper
     * case (QPV, PNR, Corsica), but lower case for a PETR, whose code is a SIREN or a slug
     * ({@code petr-sud-lozere}).
     */
    static String code(String kind, String raw) {
        String c = raw.replace(" ", "");
        c = kind.equals("petr") ? c.toLowerCase(Locale.ROOT) : c.toUpperCase(Locale.ROOT);
        if (c.endsWith(".0")) {
            c = c.substring(0, c.length() - 2); // a number cell exported as 31555.0
        }
        boolean digitFirst = !c.isEmpty() && Character.isDigit(c.charAt(0));
        if (digitFirst && c.length() == 4 && (kind.equals("commune") || kind.equals("bassin_vie"))
                || digitFirst && c.length() == 1 && kind.equals("departement")) {
            return "0" + c;
        }
        return c;
    }

    private static Map<String, String> levels() {
        Map<String, String> levels = new HashMap<>();
        KINDS.forEach(kind -> levels.put(Names.normalize(kind), kind));
        levels.putAll(LEVEL_NAMES);
        return Map.copyOf(levels);
    }
}
