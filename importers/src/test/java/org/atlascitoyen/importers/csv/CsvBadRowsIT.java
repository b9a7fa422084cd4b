package org.atlascitoyen.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.reject;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.rejects;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are readable but hold awkward rows: each bad row is rejected with its line and a
 * reason, or worked around and counted; every good row of the same file is published.
 */
class CsvBadRowsIT {

    private static final Path LOCATED = fixture("mapping/actors-located.json");

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @TempDir
    Path dir;

    @Test
    void aLatin1FileIsReadWithItsAccents() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/latin1-accents.csv"), LOCATED);

        assertThat(report.notes()).containsExactly("encoding windows-1252, delimiter ','");
        assertThat(report.inserted()).isEqualTo(3);
        // Accented commune names only match when the file was decoded right.
        assertThat(db.rows("SELECT name, commune FROM actor ORDER BY name")).containsExactly(
                "Café associatif L'Étincelle | 34032", "Fête de la Science à Pézenas | 34199", "Garçons du Lodévois | 34142");
    }

    @Test
    void unknownColumnsAreListedAndTheRowsImported() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/unknown-columns.csv"), LOCATED);

        assertThat(report.notes()).contains("columns not imported: Horaires, Remarques");
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(db.rows("SELECT name, commune FROM actor ORDER BY name"))
                .containsExactly("Repair café de Muret | 31395", "Ressourcerie de Balma | 31044");
    }

    @Test
    void aLongDescriptionIsKeptWholeAndATooLongNameRejectsItsRowOnly() throws Exception {
        String description = "Une très longue description. ".repeat(400).substring(0, 10_000);
        String name = "Nom démesuré ".repeat(800).substring(0, 10_000);
        Path mapping = Files.writeString(dir.resolve("mapping.yaml"), "name: Nom\ndescription: Description\ncommuneName: Commune\n");
        Path file = dir.resolve("long-fields.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Nom,Description,Commune\n");
            out.write("Avant,Courte,Toulouse\n");
            out.write("Longue description,\"" + description + "\",Albi\n");
            out.write(name + ",Courte,Albi\n");
            out.write("Après,Courte,Toulouse\n");
        }

        DirectoryImportReport report = db.importActors("annuaire", CSV, file, mapping);

        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.rejectsByReason()).containsExactly(Map.entry("field too long", 1L));
        assertThat(reject(report, 4)).isEqualTo("field too long | name has 10000 characters (at most 300)");
        CSVRecord rejected = rejects(report).get(0);
        assertThat(rejected.get("name")).hasSize(301).startsWith("Nom démesuré Nom").endsWith("…");
        assertThat(db.value("SELECT description FROM actor WHERE name = 'Longue description'")).isEqualTo(description);
        assertThat(db.rows("SELECT name FROM actor ORDER BY id")).containsExactly("Avant", "Longue description", "Après");
    }

    @Test
    void aSecondRowWithTheIdOfAnEarlierOneIsADuplicateNamingItsLine() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/duplicate-ids.csv"), fixture("mapping/actors-with-id.json"));

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejectsByReason()).containsExactly(Map.entry("duplicate row", 2L));
        assertThat(reject(report, 4)).isEqualTo("duplicate row | same id 'D1' as line 2");
        assertThat(reject(report, 5)).isEqualTo("duplicate row | same id 'D1' as line 2");
        // The first row is the one published.
        assertThat(db.rows("SELECT p.external_id, a.name, a.commune FROM actor a JOIN actor_provenance p ON p.actor_id = a.id "
                + "ORDER BY 1")).containsExactly("D1 | Recyclerie du Tarn | 81004", "D2 | Vélo-école | 81004");
    }

    @Test
    void aRejectedFirstRowDoesNotHideAGoodSecondOneWithItsId() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/duplicate-id-first-rejected.csv"),
                fixture("mapping/actors-with-id.json"));

        assertThat(report.rejectsByReason()).containsExactly(Map.entry("commune not found", 1L));
        assertThat(reject(report, 2)).isEqualTo("commune not found | no commune of the region is named 'Albi-sur-Mer'");
        assertThat(db.rows("SELECT p.external_id, a.commune FROM actor a JOIN actor_provenance p ON p.actor_id = a.id ORDER BY 1"))
                .containsExactly("D1 | 81004", "D2 | 81004");
    }

    @Test
    void identicalRowsWithoutIdAreDuplicates() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/duplicate-rows.csv"), LOCATED);

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(reject(report, 4)).matches("duplicate row \\| same id 'h:[0-9a-f]{20}' as line 2");
        assertThat(db.rows("SELECT name FROM actor ORDER BY name")).containsExactly("Recyclerie du Tarn", "Vélo-école");
    }

    @Test
    void codesThatASpreadsheetTurnedIntoNumbersAreRestored() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/insee-leading-zero-stripped.csv"), LOCATED);

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(db.rows("SELECT name, commune, departement, postcode, precision FROM actor ORDER BY name")).containsExactly(
                "Ludothèque de Foix | 09122 | 09 | 09000 | commune",
                "Maison de la Nature | 31555 | 31 | null | commune");
        assertThat(reject(report, 4)).isEqualTo("commune not found | INSEE code 99999 is not a commune of the region");
    }
}
