package org.atlascitoyen.importers.rna;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import org.atlascitoyen.importers.csv.CsvRowReader;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * Reads the national register of associations (RNA), "waldec" export: one association per row,
 * {@code ;}-separated, usually ISO-8859-1. The association's address is composed from its
 * {@code adrs_*} columns; its themes are derived from its {@code objet} by the directory import's
 * cleaner; dissolved or deleted associations are rejected with that reason, so that the report
 * counts them.
 */
public final class RnaRowReader extends CsvRowReader {

    /** The columns every waldec vintage has; the others are read when present. */
    public static final Mapping BUILT_IN = new Mapping(Map.of(
            Field.EXTERNAL_ID, Mapping.Rule.column("id"),
            Field.RNA, Mapping.Rule.column("id"),
            Field.NAME, Mapping.Rule.column("titre"),
            Field.DESCRIPTION, Mapping.Rule.column("objet"),
            Field.COMMUNE_CODE, Mapping.Rule.column("adrs_codeinsee"),
            Field.POSTCODE, Mapping.Rule.column("adrs_codepostal"),
            Field.COMMUNE_NAME, Mapping.Rule.column("adrs_libcommune"),
            Field.TYPE, new Mapping.Rule(null, "association", null, Map.of(), null)), "RNA (waldec) columns");

    static final Set<String> OPTIONAL_COLUMNS = Set.of("siret", "siteweb", "position", "date_disso",
            "adrs_numvoie", "adrs_repetition", "adrs_typevoie", "adrs_libvoie", "adrs_complement");

    public RnaRowReader(Path file) {
        super(file, BUILT_IN, OPTIONAL_COLUMNS, RnaRowReader::complete);
    }

    private static void complete(Function<String, String> cell, SourceRow row) {
        StringJoiner address = new StringJoiner(" ");
        for (String part : new String[] {"adrs_numvoie", "adrs_repetition", "adrs_typevoie", "adrs_libvoie"}) {
            String v = cell.apply(part);
            if (v != null && !v.isBlank()) {
                address.add(v.strip());
            }
        }
        if (address.length() > 0) {
            row.set(Field.ADDRESS, address.toString());
        }
        row.set(Field.SIREN, cell.apply("siret"));
        row.set(Field.WEBSITE, cell.apply("siteweb"));
        String position = cell.apply("position");
        String dissolved = cell.apply("date_disso");
        if (position != null && (position.strip().equals("D") || position.strip().equals("S"))) {
            row.reject("dissolved association", "position " + position.strip()
                    + (position.strip().equals("D") ? " (dissoute)" : " (supprimée)") + " in the register");
        } else if (dissolved != null && !dissolved.isBlank() && !dissolved.startsWith("0001")) {
            row.reject("dissolved association", "dissolved on " + dissolved.strip());
        }
    }
}
