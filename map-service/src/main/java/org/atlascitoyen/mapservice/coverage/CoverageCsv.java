package org.atlascitoyen.mapservice.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.atlascitoyen.mapservice.system.BadParameterException;

/**
 * A coverage as CSV for spreadsheets: UTF-8 with a byte order mark (so that Excel reads the
 * accents), one row per territory, then one {@code unassigned} row so that the columns sum to the
 * totals. {@code sep=semicolon} is for French Excel, which expects semicolons and decimal commas.
 */
final class CoverageCsv {

    static final List<String> HEADER = List.of("kind", "code", "name", "population", "actors", "initiatives",
            "actors_per_10k", "initiatives_per_10k", "zone_blanche", "actor_themes", "initiative_themes");

    /** The code of the last row, which counts the records no listed territory holds. */
    static final String UNASSIGNED = "unassigned";

    private static final char BOM = '\uFEFF';

    private final char delimiter;
    private final DecimalFormat decimals;

    private CoverageCsv(char delimiter, char decimalSeparator) {
        this.delimiter = delimiter;
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setDecimalSeparator(decimalSeparator);
        this.decimals = new DecimalFormat("0.##", symbols);
    }

    /** The writer for the {@code sep} parameter: {@code comma} (the default) or {@code semicolon}. */
    static CoverageCsv separatedBy(String sep) {
        if (sep == null || sep.isBlank() || sep.strip().equalsIgnoreCase("comma")) {
            return new CoverageCsv(',', '.');
        }
        if (sep.strip().equalsIgnoreCase("semicolon")) {
            return new CoverageCsv(';', ',');
        }
        throw new BadParameterException("sep", "sep is comma (the default) or semicolon (French Excel), got '" + sep + "'");
    }

    /**
     * The whole file. A coverage has at most one row per commune of the region (4,446 in
     * Occitanie, about 400 kB), so it is written in memory.
     */
    String write(CoverageTable table) {
        // CSVFormat prints the records itself: CSVPrinter would add nothing here, and its class
        // file makes javac warn about a SpotBugs annotation missing from the classpath.
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        StringBuilder out = new StringBuilder().append(BOM);
        try {
            format.printRecord(out, HEADER.toArray());
            for (CoverageTable.Entry entry : table.entries()) {
                Coverage c = entry.coverage();
                format.printRecord(out, c.kind(), c.code(), c.name(), c.population(), c.actors(), c.initiatives(),
                        number(c.actorsPer10k()), number(c.initiativesPer10k()), c.zoneBlanche(),
                        themes(c.themes(), true), themes(c.themes(), false));
            }
            CoverageSummary.Unassigned u = table.unassigned();
            format.printRecord(out, table.level().key(), UNASSIGNED, "Matching records of no listed territory", null,
                    u.actors(), u.initiatives(), null, null, null, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    private String number(Double value) {
        return value == null ? null : decimals.format(value);
    }

    /** {@code alimentation:3 climat:1}: the themes of the actors (or initiatives) with their counts. */
    private static String themes(List<Coverage.ThemeCount> themes, boolean actors) {
        ToLongFunction<Coverage.ThemeCount> count = actors ? Coverage.ThemeCount::actors : Coverage.ThemeCount::initiatives;
        return themes.stream()
                .filter(t -> count.applyAsLong(t) > 0)
                .sorted(Comparator.comparingLong(count).reversed().thenComparing(Coverage.ThemeCount::code))
                .map(t -> t.code() + ":" + count.applyAsLong(t))
                .collect(Collectors.joining(" "));
    }
}
