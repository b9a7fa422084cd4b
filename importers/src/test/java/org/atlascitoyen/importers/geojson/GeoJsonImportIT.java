package org.atlascitoyen.importers.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.reject;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.rejects;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.GEOJSON;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.util.Map;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GeoJsonImportIT {

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void aFeatureCollectionOfPoints() throws Exception {
        DirectoryImportReport report = db.importActors("carte-jeunesse", GEOJSON, fixture("geojson/feature-collection.geojson"),
                fixture("mapping/actors-geojson.json"));

        assertThat(report.position()).isEqualTo("feature");
        assertThat(report.read()).isEqualTo(6);
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.rejectsByReason()).containsOnly(Map.entry("not a point", 1L), Map.entry("no location", 1L),
                Map.entry("bad coordinates", 1L));
        assertThat(rejects(report)).extracting(r -> r.get("feature")).containsExactly("3", "5", "6");
        assertThat(reject(report, 3)).isEqualTo("not a point | the geometry is a LineString; a directory feature is a Point");
        assertThat(reject(report, 5)).isEqualTo("no location | no coordinates, commune, postcode or territory");
        assertThat(reject(report, 6)).isEqualTo("bad coordinates | the Point has no [longitude, latitude] numbers: [\"1.4440\",\"43.6045\"]");
        assertThat(report.workedAround()).containsExactly(Map.entry("latitude and longitude swapped: fixed", Map.of("", 1L)));

        assertThat(db.actor("Maison des Jeunes et de la Culture de Rodez")).isEqualTo("Maison des Jeunes et de la Culture de Rodez | "
                + "association | culture,jeunesse | address | 12202 | 241200187 | 12 | false | 2.5750 44.3506");
        // Without geometry, located by the commune of its properties.
        assertThat(db.actor("Collectif Vélo Albi")).isEqualTo("Collectif Vélo Albi | collectif_habitants | null | commune | 81004 | "
                + "248100737 | 81 | false | " + db.communePoint("81004"));
        assertThat(db.actor("Café associatif aux coordonnées inversées")).endsWith("| address | 31555 | 243100518 | 31 | false | 1.4440 43.6045");
        assertThat(db.rows("SELECT website, website_host, postcode FROM actor WHERE name LIKE 'Maison des Jeunes%' OR name LIKE 'Collectif%' ORDER BY name"))
                .containsExactly("null | null | 81000", "https://mjc-rodez.example.org | mjc-rodez.example.org | null");
        assertThat(db.rows("SELECT external_id FROM actor_provenance ORDER BY 1")).containsExactly("g1", "g2", "g4");
    }
}
