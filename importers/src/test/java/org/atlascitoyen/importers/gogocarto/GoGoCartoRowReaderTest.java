package org.atlascitoyen.importers.gogocarto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.charset.StandardCharsets;
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

class GoGoCartoRowReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheDataArrayOfAnApiExportSkippingTheOtherFields() throws Exception {
        List<SourceRow> rows = read(fixture("gogocarto/elements-data.json"));

        assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 2L, 3L, 4L, 5L);
        SourceRow first = rows.get(0);
        assertThat(first.get(Field.EXTERNAL_ID)).isEqualTo("gA1");
        assertThat(first.get(Field.LATITUDE)).isEqualTo("43.6045");
        assertThat(first.get(Field.LONGITUDE)).isEqualTo("1.444");
        assertThat(first.get(Field.ADDRESS)).isEqualTo("2 place du Capitole");
        assertThat(first.get(Field.POSTCODE)).isEqualTo("31000");
        assertThat(first.get(Field.COMMUNE_NAME)).isEqualTo("Toulouse");
        assertThat(first.get(Field.THEMES)).isEqualTo("Tiers-lieu | Jardins partagés").isEqualTo(first.get(Field.TYPE));
        assertThat(first.get(Field.PHONE)).isEqualTo("05 61 00 00 00");
        assertThat(rows.get(1).get(Field.LATITUDE)).isEqualTo("43,9289");
        // Categories as objects (GoGoCarto's "categoriesFull") are read by their name.
        assertThat(rows.get(2).get(Field.THEMES)).isEqualTo("Repair café");
        assertThat(rows.get(2).get(Field.LATITUDE)).isNull();
    }

    @Test
    void readsABareArrayWithNumericIds() throws Exception {
        List<SourceRow> rows = read(fixture("gogocarto/elements-bare-array.json"));

        assertThat(rows).extracting(r -> r.get(Field.EXTERNAL_ID) + " " + r.get(Field.NAME))
                .containsExactly("101 Fablab de Castres", "102 Centre social des Chamards");
    }

    @Test
    void aByteOrderMarkIsSkippedAndLatin1IsRefused() throws Exception {
        Path bom = Files.write(dir.resolve("bom.json"), ("\ufeff[{\"id\": \"x\", \"name\": \"Épicerie\"}]").getBytes(StandardCharsets.UTF_8));
        Path latin1 = Files.write(dir.resolve("latin1.json"), "[{\"id\": \"x\", \"name\": \"Épicerie\"}]".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(read(bom)).extracting(r -> r.get(Field.NAME)).containsExactly("Épicerie");
        assertThatThrownBy(() -> read(latin1)).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(latin1 + ": invalid JSON at line 1");
    }

    @Test
    void anExportWithoutElementsIsANote() throws Exception {
        GoGoCartoRowReader reader = new GoGoCartoRowReader(write("{\"data\": []}"), GoGoCartoRowReader.BUILT_IN);
        List<SourceRow> rows = new ArrayList<>();

        reader.read(rows::add);

        assertThat(rows).isEmpty();
        assertThat(reader.notes()).containsExactly("the export holds no element");
        assertThat(reader.position()).isEqualTo("element");
    }

    @Test
    void aMappingFileExtendsTheBuiltInOneFieldByField() throws Exception {
        Path file = Files.writeString(dir.resolve("categories.yaml"),
                "themes: { column: categories, separator: \"|\", values: { Vélo: mobilite } }\n", StandardCharsets.UTF_8);

        Mapping merged = GoGoCartoRowReader.BUILT_IN.with(Mapping.load(file));

        assertThat(merged.rule(Field.THEMES).orElseThrow().values()).containsOnlyKeys("Vélo");
        assertThat(merged.rule(Field.NAME)).contains(Mapping.Rule.column("name"));
        assertThat(merged.origin()).contains("categories.yaml");
    }

    @Test
    void whatIsNotAnExportIsRefusedWithWhy() throws Exception {
        assertRefused("", "the file is empty");
        assertRefused("{\"licence\": \"odbl\", \"elements\": []}", "a GoGoCarto export has its elements in a \"data\" array; none found");
        assertRefused("\"elements\"", "not a GoGoCarto export (expected a JSON object or array)");
        assertRefused("[{\"id\": 1, \"name\": \"A\"}, 2]", "element 2 of the array is not an object");
        assertRefused("{\"data\": [{\"id\": 1, \"name\": \"A\"}, {\"id\": 2, \"na", "invalid JSON at line 1, column");
    }

    private void assertRefused(String json, String problem) throws Exception {
        Path file = write(json);
        assertThatThrownBy(() -> read(file)).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(problem);
    }

    private Path write(String json) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "export", ".json"), json);
    }

    private static List<SourceRow> read(Path file) throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        new GoGoCartoRowReader(file, GoGoCartoRowReader.BUILT_IN).read(rows::add);
        return rows;
    }
}
