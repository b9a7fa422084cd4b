package org.atlascitoyen.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not a readable CSV of the mapping's columns: refused as a whole with a message
 * that names the file and the problem, nothing published (not even their good rows), and the
 * failed run recorded.
 */
class CsvMalformedFileIT {

    private static final Path MAPPING = fixture("mapping/actors-located.json");

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @TempDir
    Path dir;

    @BeforeEach
    void database() throws Exception {
        // Something published before, that a failed run must leave as it was.
        db.importActors("before", CSV, fixture("csv/swapped-coordinates.csv"), MAPPING);
    }

    @Test
    void aMissingRequiredColumnNamesItAndListsTheHeader() throws Exception {
        Path file = fixture("csv/missing-required-column.csv");

        assertRefused(file, "column 'Nom' (name) named by the mapping " + MAPPING
                + " not in the header; the header has: Intitulé | Code postal | Commune | Code INSEE | Latitude | Longitude");
    }

    @Test
    void anEmptyFile() throws Exception {
        assertRefused(fixture("csv/empty.csv"), "the file is empty");
    }

    @Test
    void binaryGarbage() throws Exception {
        byte[] garbage = new byte[20_000];
        new Random(42).nextBytes(garbage);
        garbage[0] = 'N'; // not a UTF-16 byte order mark, whatever the seed
        garbage[1000] = 0;
        Path file = Files.write(dir.resolve("export.csv"), garbage);

        assertRefused(file, "binary content (a NUL byte at offset ");
    }

    @Test
    void anXlsxGivenAsCsv() throws Exception {
        Path file = dir.resolve("annuaire.csv");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>Nom</t></is></c></row></sheetData></worksheet>".getBytes());
            zip.closeEntry();
        }

        assertRefused(file, "not a CSV text file");
    }

    @Test
    void utf16() throws Exception {
        assertRefused(fixture("csv/utf16-bom.csv"), "the file is UTF-16; save it as UTF-8 CSV");
    }

    @Test
    void anUnclosedQuoteNamesTheLineItOpensOn() throws Exception {
        assertRefused(fixture("csv/unclosed-quote.csv"), "broken CSV in the record starting at line 3 (an unclosed quote?)");
    }

    @Test
    void aHeaderWithoutRowsIsNotAnError() throws Exception {
        String before = directory();

        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/header-only.csv"), MAPPING);

        assertThat(report.read()).isZero();
        assertThat(report.inserted() + report.rejected() + report.noLongerSeen()).isZero();
        assertThat(report.rejectFile()).isNull();
        assertThat(report.notes()).containsExactly("encoding UTF-8, delimiter ','", "the file has a header and no data row");
        assertThat(db.value("SELECT status || ' ' || read FROM import_run WHERE id = ?", report.runId())).isEqualTo("succeeded 0");
        assertThat(directory()).isEqualTo(before);
    }

    private void assertRefused(Path file, String problem) throws Exception {
        String before = publishedState();

        assertThatThrownBy(() -> db.importActors("annuaire", CSV, file, MAPPING))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining(problem);

        assertThat(publishedState()).isEqualTo(before);
        assertThat(db.rows("SELECT source, format, file, status, read, inserted, starts_with(error, ?), "
                + "strpos(error, ?) > 0 FROM import_run WHERE status <> 'succeeded'", file.toString(), problem))
                .containsExactly("annuaire | csv | " + file + " | failed | 0 | 0 | true | true");
        assertThat(Files.exists(db.rejectsFor(file))).isFalse();
    }

    /** Every published row of the directory, and the sources and successful runs. */
    private String publishedState() throws Exception {
        return directory() + "\n" + String.join("\n", db.rows("SELECT 'source', s::text FROM source s "
                + "UNION ALL SELECT 'run', r::text FROM import_run r WHERE status = 'succeeded' ORDER BY 1, 2"));
    }

    /** Every actor and provenance row. */
    private String directory() throws Exception {
        return String.join("\n", db.rows("SELECT 'actor', a::text FROM actor a "
                + "UNION ALL SELECT 'provenance', p::text FROM actor_provenance p ORDER BY 1, 2"));
    }
}
