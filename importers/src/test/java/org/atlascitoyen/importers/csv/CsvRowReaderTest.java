package org.atlascitoyen.importers.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.atlascitoyen.importers.source.Field;
import org.atlascitoyen.importers.source.Mapping;
import org.atlascitoyen.importers.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading CSV rows: which cell is which field, and the line each row starts on. */
class CsvRowReaderTest {

    @TempDir
    Path dir;

    @Test
    void eachRowKnowsTheLineItStartsOnAcrossMultiLineCells() throws Exception {
        CsvRowReader reader = reader("csv/windows-1252-semicolon.csv", "mapping/actors-full.yaml");
        List<SourceRow> rows = read(reader);

        assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L, 6L, 7L);
        assertThat(rows).extracting(r -> r.get(Field.NAME))
                .containsExactly("Cœur d’Hérault Solidarité", "Fête à Béziers", "Sans lieu ni commune", "Garçons & Filles de Sète");
        assertThat(rows.get(1).get(Field.DESCRIPTION)).isEqualTo(
                "Un festival de quartier.\nDeuxième ligne : « bénévoles bienvenus ».\nTroisième ligne; avec un point-virgule.");
        assertThat(rows.get(1).get(Field.LATITUDE)).isEqualTo("43,3442");
        assertThat(reader.notes()).containsExactly("encoding windows-1252, delimiter ';'");
    }

    @Test
    void columnsAreFoundIgnoringCaseAndAccents() throws Exception {
        Path file = Files.writeString(dir.resolve("headers.csv"), "NOM,code postal,commune,CODE INSEE,latitude,Longitude\nX,31000,Toulouse,,,\n");

        List<SourceRow> rows = read(new CsvRowReader(file, Mapping.load(fixture("mapping/actors-located.json"))));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(Field.NAME)).isEqualTo("X");
            assertThat(r.get(Field.POSTCODE)).isEqualTo("31000");
            assertThat(r.get(Field.COMMUNE_NAME)).isEqualTo("Toulouse");
        });
    }

    @Test
    void aMissingMappedColumnRefusesTheFileNamingItAndListingTheHeader() throws Exception {
        Path file = fixture("csv/missing-required-column.csv");
        CsvRowReader reader = new CsvRowReader(file, Mapping.load(fixture("mapping/actors-located.json")));

        assertThatThrownBy(() -> read(reader))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("column 'Nom' (name) named by the mapping")
                .hasMessageContaining("not in the header; the header has: Intitulé | Code postal | Commune | Code INSEE | Latitude | Longitude");
    }

    @Test
    void columnsTheMappingDoesNotNameAreListedInTheNotes() throws Exception {
        CsvRowReader reader = reader("csv/unknown-columns.csv", "mapping/actors-located.json");

        assertThat(read(reader)).hasSize(2);
        assertThat(reader.notes()).contains("columns not imported: Horaires, Remarques");
    }

    @Test
    void aHeaderWithoutRowsIsANoteNotAnError() throws Exception {
        CsvRowReader reader = reader("csv/header-only.csv", "mapping/actors-located.json");

        assertThat(read(reader)).isEmpty();
        assertThat(reader.notes()).contains("the file has a header and no data row");
    }

    @Test
    void anUnclosedQuoteNamesTheLineOfTheBrokenRecord() throws Exception {
        Path file = fixture("csv/unclosed-quote.csv");
        CsvRowReader reader = new CsvRowReader(file, Mapping.load(fixture("mapping/actors-located.json")));
        List<SourceRow> rows = new ArrayList<>();

        assertThatThrownBy(() -> reader.read(rows::add))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("broken CSV in the record starting at line 3 (an unclosed quote?)");
        assertThat(rows).extracting(SourceRow::line).containsExactly(2L);
    }

    @Test
    void blankLinesAreSkippedAndShortRowsGetEmptyCells() throws Exception {
        Path file = Files.writeString(dir.resolve("ragged.csv"),
                "Nom,Code postal,Commune,Code INSEE,Latitude,Longitude\n\nCourte,31000\n\r\nLongue,31000,Toulouse,,,,en trop\n");
        CsvRowReader reader = new CsvRowReader(file, Mapping.load(fixture("mapping/actors-located.json")));

        List<SourceRow> rows = read(reader);

        assertThat(rows).extracting(SourceRow::line).containsExactly(3L, 5L);
        assertThat(rows.get(0).get(Field.COMMUNE_NAME)).isNull();
        assertThat(rows.get(1).get(Field.COMMUNE_NAME)).isEqualTo("Toulouse");
        assertThat(reader.notes()).contains("1 row(s) have fewer cells than the header: the missing cells are empty");
    }

    @Test
    void rowsWithMoreCellsThanTheHeaderAreNoted() throws Exception {
        // An unquoted comma in a name shifts the cells of its row: the report must say so.
        CsvRowReader reader = reader("csv/extra-cells.csv", "mapping/actors-located.json");

        List<SourceRow> rows = read(reader);

        assertThat(rows).extracting(r -> r.get(Field.NAME)).containsExactly("Bonne ligne", "Dupont", "Autre bonne ligne", "Virgule");
        assertThat(reader.notes()).contains("2 row(s) have more cells than the header, the first on line 3: "
                + "the extra cells are ignored (a delimiter inside an unquoted value?)");
    }

    @Test
    void aMappingWithoutNameIsRefused() throws Exception {
        Path mapping = Files.writeString(dir.resolve("no-name.yaml"), "communeName: Commune\n");
        CsvRowReader reader = new CsvRowReader(fixture("csv/header-only.csv"), Mapping.load(mapping));

        assertThatThrownBy(() -> read(reader)).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("names no column for the name (field 'name')");
    }

    private static CsvRowReader reader(String file, String mapping) throws Exception {
        return new CsvRowReader(fixture(file), Mapping.load(fixture(mapping)));
    }

    private static List<SourceRow> read(CsvRowReader reader) throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        reader.read(rows::add);
        return rows;
    }
}
