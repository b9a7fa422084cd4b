package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.atlascitoyen.importers.source.SourceLicence;
import org.junit.jupiter.api.Test;

/** The summary an import prints: every figure, each reject reason, what was worked around, the merges. */
class DirectoryImportReportTest {

    @Test
    void printsTheFiguresReasonsWorkaroundsAndMerges() {
        Map<String, Map<String, Long>> workedAround = new LinkedHashMap<>();
        workedAround.put("latitude and longitude swapped: fixed", Map.of("", 3L));
        workedAround.put("unknown theme (left out)", new LinkedHashMap<>(Map.of("Pétanque", 2L)));
        DirectoryImportReport report = new DirectoryImportReport(7, "actors", "annuaire", "csv", "/data/annuaire.csv",
                1_200, 1_000, 50, 90, 40, 20, 5, Map.of("duplicate row", 20L), List.of("encoding UTF-8, delimiter ';'"), workedAround,
                List.of(new DirectoryImportReport.Merge(12, "COLLECTIF VELO", "Collectif Vélo", 3, "name-commune", 1f, 21),
                        new DirectoryImportReport.Merge(15, "Repair Cafe", "Repair Café de Colomiers", 4, "website", 0.8751f, 22)),
                38, new TreeMap<>(Map.of("name-commune", 39L, "website", 1L)), Map.of("similar-name", 6L), "/data/annuaire.csv.rejects.csv", "line", Map.of("read", 1_000L), 2_000,
                SourceLicence.of("odbl", null, "Réseau des acteurs"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
                Imported actors from /data/annuaire.csv (source 'annuaire', format csv) in 2.0 s, run 7.
                  note: encoding UTF-8, delimiter ';'
                  licence: ODbL 1.0 <https://opendatacommons.org/licenses/odbl/1-0/>, attribution: Réseau des acteurs
                  read 1,200  inserted 1,000  updated 50  unchanged 90  merged 40  rejected 20  no longer seen 5
                  600 rows/s (read 1000 ms)
                  rejected by reason:
                    duplicate row                20
                  every rejected row, with its line and reason: /data/annuaire.csv.rejects.csv
                  worked around (rows kept):
                    latitude and longitude swapped: fixed: 3
                    unknown theme (left out): 2
                      'Pétanque' x2
                  merges by rule: name-commune 39, website 1
                  possible duplicates listed for review, not merged: 6 (similar-name 6); see ./atlas merges
                  merged into existing records (review them: ./atlas merges done; undo: ./atlas merges undo ID):
                    line 12 'COLLECTIF VELO' -> #3 'Collectif Vélo' (name-commune, merge 21)
                    line 15 'Repair Cafe' -> #4 'Repair Café de Colomiers' (website 0.88, merge 22)
                    ... and 38 more
                """);
    }

    @Test
    void warnsWhenTheSourceHasNoLicenceOnRecord() {
        DirectoryImportReport report = new DirectoryImportReport(8, "actors", "annuaire", "csv", "/data/annuaire.csv",
                1, 1, 0, 0, 0, 0, 0, Map.of(), List.of(), Map.of(), List.of(), 0, Map.of(), Map.of(), null, "line", Map.of(), 0,
                SourceLicence.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(report.licenceUnknown()).isTrue();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("  warning: licence unknown: the map and exports say"
                + " \"licence inconnue\" for this source; give --licence (and --attribution), or a licence block in the"
                + " mapping file\n");
    }

    @Test
    void aTallyKeepsABoundedNumberOfValuesPerKind() {
        Tally tally = new Tally();
        for (int i = 0; i < 200; i++) {
            tally.add("unknown theme (left out)", "theme " + i);
        }
        tally.add("unknown theme (left out)", "theme 0");
        tally.add("unknown type", "x".repeat(200));

        Map<String, Long> themes = tally.counts().get("unknown theme (left out)");
        assertThat(themes).hasSize(51).containsEntry("theme 0", 2L).containsEntry("(other values)", 150L);
        assertThat(tally.counts().get("unknown type")).containsOnlyKeys("x".repeat(80) + "…");
    }
}
