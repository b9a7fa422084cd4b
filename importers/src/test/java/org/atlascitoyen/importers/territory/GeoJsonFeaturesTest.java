package org.atlascitoyen.importers.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.load.MalformedFileException;
import org.junit.jupiter.api.Test;

class GeoJsonFeaturesTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(GeoJsonFeaturesTest.class.getResource("/territory/" + name).toURI());
    }

    private static List<GeoJsonFeatures.Feature> read(String name) throws Exception {
        List<GeoJsonFeatures.Feature> features = new ArrayList<>();
        int count = GeoJsonFeatures.read(fixture(name), features::add);
        assertThat(count).isEqualTo(features.size());
        return features;
    }

    @Test
    void readsTheFeaturesOfACollectionWithTheirPropertiesAndGeometryText() throws Exception {
        var features = read("self-intersecting-polygon.geojson");
        assertThat(features).hasSize(1);
        assertThat(features.get(0).number()).isEqualTo(1);
        assertThat(features.get(0).text("code")).isEqualTo("31555");
        assertThat(features.get(0).text("nom")).isEqualTo("Toulouse (bow-tie)");
        assertThat(features.get(0).text("absent")).isNull();
        assertThat(features.get(0).geometryJson()).startsWith("{\"type\":\"Polygon\"").contains("[1.35,43.55]");
    }

    @Test
    void aSingleFeatureIsOneFeature() throws Exception {
        var features = read("single-feature.geojson");
        assertThat(features).singleElement().satisfies(f -> {
            assertThat(f.text("code")).isEqualTo("76");
            assertThat(f.geometryJson()).contains("\"Polygon\"");
        });
    }

    @Test
    void aBareGeometryIsOneFeatureWithoutProperties() throws Exception {
        var features = read("bare-geometry.geojson");
        assertThat(features).singleElement().satisfies(f -> {
            assertThat(f.properties().isEmpty()).isTrue();
            assertThat(f.geometryJson()).contains("\"coordinates\"");
        });
    }

    @Test
    void aTruncatedFileNamesTheFileLineAndColumn() {
        assertThatThrownBy(() -> read("truncated.geojson"))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("truncated.geojson")
                .hasMessageContaining("invalid JSON at line 3");
    }

    @Test
    void anotherJsonTypeIsRejectedByName() {
        assertThatThrownBy(() -> read("not-geojson.json"))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("not-geojson.json")
                .hasMessageContaining("'Topology'");
    }
}
