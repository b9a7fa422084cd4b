package org.atlascitoyen.importers.geojson;

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

class GeoJsonRowReaderTest {

    private static final Path MAPPING = fixture("mapping/actors-geojson.json");

    @TempDir
    Path dir;

    @Test
    void propertiesByDottedPathAndThePointAsCoordinates() throws Exception {
        List<SourceRow> rows = read(fixture("geojson/feature-collection.geojson"));

        assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(rows.get(0).get(Field.LONGITUDE)).isEqualTo("2.575");
        assertThat(rows.get(0).get(Field.LATITUDE)).isEqualTo("44.3506");
        assertThat(rows.get(0).get(Field.THEMES)).isEqualTo("Culture | Jeunesse");
        assertThat(rows.get(1).get(Field.LATITUDE)).isNull();
        assertThat(rows.get(1).get(Field.POSTCODE)).isEqualTo("81000");
        assertThat(rows.get(1).get(Field.COMMUNE_NAME)).isEqualTo("Albi");
        assertThat(rows.get(1).rejectReason()).isNull();
        assertThat(rows.get(2).rejectReason()).isEqualTo("not a point");
        assertThat(rows.get(5).rejectReason()).isEqualTo("bad coordinates");
    }

    @Test
    void aSingleFeatureOrABareGeometryIsOneRow() throws Exception {
        Path feature = write("{\"type\": \"Feature\", \"properties\": {\"nom\": \"Seul\"}, \"geometry\": {\"type\": \"Point\", "
                + "\"coordinates\": [1.444, 43.6045]}}");

        assertThat(read(feature)).singleElement().satisfies(r -> {
            assertThat(r.get(Field.NAME)).isEqualTo("Seul");
            assertThat(r.get(Field.LONGITUDE)).isEqualTo("1.444");
        });
    }

    @Test
    void anEmptyCollectionIsANote() throws Exception {
        GeoJsonRowReader reader = new GeoJsonRowReader(write("{\"type\": \"FeatureCollection\", \"features\": []}"), Mapping.load(MAPPING));

        reader.read(row -> { });

        assertThat(reader.notes()).containsExactly("the file holds no feature");
    }

    @Test
    void whatIsNotGeoJsonIsRefusedWithWhy() throws Exception {
        assertRefused("", "the file is empty");
        assertRefused("[1, 2]", "not a GeoJSON object");
        assertRefused("{\"type\": \"Topology\", \"objects\": {}}", "GeoJSON type 'Topology' is neither a FeatureCollection");
        assertRefused("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"prop", "invalid JSON at line 1");
    }

    @Test
    void aMappingWithoutNameIsRefused() throws Exception {
        Path mapping = Files.writeString(dir.resolve("no-name.json"), "{\"communeName\": \"commune\"}");
        GeoJsonRowReader reader = new GeoJsonRowReader(fixture("geojson/feature-collection.geojson"), Mapping.load(mapping));

        assertThatThrownBy(() -> reader.read(row -> { })).isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("names no property for the name (field 'name')");
    }

    private void assertRefused(String json, String problem) throws Exception {
        Path file = write(json);
        assertThatThrownBy(() -> read(file)).isInstanceOf(MalformedFileException.class)
                .hasMessageStartingWith(file.toString()).hasMessageContaining(problem);
    }

    private Path write(String json) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "map", ".geojson"), json);
    }

    private static List<SourceRow> read(Path file) throws Exception {
        List<SourceRow> rows = new ArrayList<>();
        new GeoJsonRowReader(file, Mapping.load(MAPPING)).read(rows::add);
        return rows;
    }
}
