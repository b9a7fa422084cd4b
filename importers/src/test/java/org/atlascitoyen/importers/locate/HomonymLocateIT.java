package org.atlascitoyen.importers.locate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.DirectoryTestDatabase.reject;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Path;
import java.util.Map;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Locating never contradicts the row: a commune of the region that merely shares the name of the
 * row's commune never gets a row whose INSEE code, postcode or point says it is elsewhere. Real
 * homonyms of the national list: Condat (15054, Cantal; 46074, Lot), Saint-Symphorien (33484,
 * Gironde; 48184, delegated to Bel-Air-Val-d'Ance 48038, Lozère), Montesquieu (47186,
 * Lot-et-Garonne; 34168, Hérault; 82127, Tarn-et-Garonne).
 */
class HomonymLocateIT {

    private static final Path LOCATED = fixture("mapping/actors-located.json");
    private static final String OUTSIDE_NOTE = "coordinates outside the region: located by the commune named";

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void anInseeCodeOutsideTheRegionWinsOverAHomonymOfTheRegion() throws Exception {
        DirectoryImportReport report = importFixture("condat-cantal-code-and-point.csv");

        assertThat(report.inserted()).isZero();
        assertThat(reject(report, 2)).isEqualTo("outside the region | INSEE code 15054 is Condat, Cantal (15), outside the region");
    }

    @Test
    void anInseeCodeAndAPostcodeOutsideTheRegionAreNotPlacedInTheHomonymOfLozere() throws Exception {
        DirectoryImportReport report = importFixture("saint-symphorien-gironde-code-and-postcode.csv");

        assertThat(report.inserted()).isZero();
        assertThat(reject(report, 2)).isEqualTo(
                "outside the region | INSEE code 33484 is Saint-Symphorien, Gironde (33), outside the region");
    }

    @Test
    void aNameUniqueInTheRegionWithNothingAgainstItLocatesTheRow() throws Exception {
        DirectoryImportReport report = importFixture("name-alone-unique-in-region.csv");

        assertThat(report.rejected()).isZero();
        assertThat(db.actor("Amicale de Condat")).isEqualTo("Amicale de Condat | autre | null | commune | 46074 | "
                + db.value("SELECT epci FROM commune WHERE code = '46074'") + " | 46 | false | " + db.communePoint("46074"));
    }

    @Test
    void aNameAndAPostcodeOfTheRegionLocateTheRow() throws Exception {
        DirectoryImportReport report = importFixture("name-and-postcode-of-region.csv");

        assertThat(report.rejected()).isZero();
        // Montesquieu is also a commune of the Hérault; Saint-Symphorien is now part of Bel-Air-Val-d'Ance.
        assertThat(db.rows("SELECT name, precision, commune FROM actor ORDER BY name")).containsExactly(
                "Bibliothèque de Montesquieu | commune | 82127", "Foyer de Saint-Symphorien | commune | 48038");
    }

    @Test
    void aNameWithAPostcodeOutsideTheRegionIsOutsideTheRegion() throws Exception {
        DirectoryImportReport report = importFixture("name-and-postcode-outside-region.csv");

        assertThat(report.inserted()).isZero();
        assertThat(report.rejectsByReason()).containsExactly(Map.entry("outside the region", 3L));
        assertThat(reject(report, 2)).isEqualTo(
                "outside the region | postcode 47130 is that of Montesquieu, Lot-et-Garonne (47), outside the region");
        assertThat(reject(report, 3)).isEqualTo(
                "outside the region | postcode 33113 is that of Saint-Symphorien, Gironde (33), outside the region");
        assertThat(reject(report, 4)).isEqualTo("outside the region | postcode 15190 is that of Condat, Cantal (15), outside the region");
    }

    @Test
    void aNameWithAPostcodeOfAnotherDepartementOfTheRegionIsNotLocated() throws Exception {
        DirectoryImportReport report = importFixture("name-and-postcode-of-another-departement.csv");

        assertThat(report.inserted()).isZero();
        assertThat(reject(report, 2)).isEqualTo("commune not found | 'Condat' names a commune of the region, "
                + "none with postcode 12000 or in its département");
    }

    @Test
    void aNameWithAPostcodeOfItsDepartementIsLocated() throws Exception {
        // 46600 is Martel's, a few kilometres away: sources often give the post office's postcode.
        DirectoryImportReport report = importFixture("name-and-postcode-of-its-departement.csv");

        assertThat(report.rejected()).isZero();
        assertThat(db.rows("SELECT name, precision, commune FROM actor")).containsExactly("Amicale de Condat | commune | 46074");
    }

    @Test
    void aNameWithAPostcodeFranceDoesNotKnowIsLocatedByTheName() throws Exception {
        // A CEDEX postcode is in no commune's list of postcodes: it contradicts nothing.
        DirectoryImportReport report = importFixture("name-and-cedex-postcode.csv");

        assertThat(report.rejected()).isZero();
        assertThat(db.rows("SELECT name, precision, commune FROM actor")).containsExactly("Amicale de Condat | commune | 46074");
    }

    @Test
    void anInseeCodeOutsideTheRegionWinsOverAPointInItsHomonym() throws Exception {
        // A geocoder that placed "Condat" in the Lot: the row's code says Cantal.
        DirectoryImportReport report = importFixture("code-outside-point-in-homonym.csv");

        assertThat(report.inserted()).isZero();
        assertThat(reject(report, 2)).isEqualTo("outside the region | INSEE code 15054 is Condat, Cantal (15), outside the region "
                + "(its point is in Condat, 46074)");
    }

    @Test
    void aPointOutsideTheRegionFarFromTheCommuneNamedContradictsTheName() throws Exception {
        DirectoryImportReport report = importFixture("name-and-point-outside-region.csv");

        assertThat(report.inserted()).isZero();
        assertThat(reject(report, 2)).matches("outside the region \\| the point 2\\.7597, 45\\.3417 \\(lon, lat\\) is in no commune "
                + "of the region, about \\d+ km from Condat \\(46074\\), the commune the row names");
        assertThat(report.workedAround()).doesNotContainKey(OUTSIDE_NOTE);
    }

    @Test
    void anInseeCodeOfTheRegionLocatesAPointAFewHundredMetresOutsideItsBorder() throws Exception {
        DirectoryImportReport report = importFixture("code-of-region-point-just-outside.csv");

        // In the sea off Sète, and in Avignon across the Rhône from Villeneuve-lès-Avignon: about 300 m out.
        assertThat(db.rows("SELECT name, precision, commune, out_of_region FROM actor ORDER BY name")).containsExactly(
                "Club de voile de Sète | commune | 34301 | false", "Fort Saint-André | commune | 30351 | false");
        assertThat(db.actor("Club de voile de Sète")).endsWith("| " + db.communePoint("34301"));
        assertThat(report.workedAround()).containsEntry(OUTSIDE_NOTE, Map.of("", 2L));
        // A code of the region does not pull in a point hundreds of kilometres away: the row contradicts itself.
        assertThat(reject(report, 4)).matches("outside the region \\| the point 2\\.3522, 48\\.8566 \\(lon, lat\\) is in no commune "
                + "of the region, about \\d{3} km from Toulouse \\(31555\\), the commune the row names");
    }

    @Test
    void theCodeOfADelegatedOrAbsorbedCommuneLocatesItsCurrentCommune() throws Exception {
        DirectoryImportReport report = importFixture("delegated-commune-former-code.csv");

        assertThat(report.rejected()).isZero();
        assertThat(db.rows("SELECT name, precision, commune FROM actor ORDER BY name")).containsExactly(
                "Amicale d'Aurelle-Verlac | commune | 12224",   // delegated to Saint Geniez d'Olt et d'Aubrac
                "Comité de Garrabet | commune | 09188",         // absorbed by Mercus-Garrabet
                "Foyer de Saint-Symphorien | commune | 48038"); // delegated to Bel-Air-Val-d'Ance
    }

    @Test
    void keepOutOfRegionKeepsTheRowsOutsideFlaggedAtTheirPoint() throws Exception {
        Path file = fixture("csv/homonyms/outside-region-kept.csv");
        DirectoryImportReport report = db.run(new ImportRequest(RecordKind.ACTOR, "annuaire", CSV, file, LOCATED, true, false,
                db.rejectsFor(file)));

        assertThat(db.rows("SELECT name, precision, commune, departement, out_of_region, "
                + "round(ST_X(geom)::numeric, 4) || ' ' || round(ST_Y(geom)::numeric, 4) FROM actor ORDER BY name")).containsExactly(
                "Amicale de Condat | address | null | null | true | 2.7597 45.3417",
                "Amicale de Condat en Quercy | commune | 46074 | 46 | false | " + db.communePoint("46074"),
                "Comité des fêtes de Condat | address | null | null | true | 2.7597 45.3417");
        assertThat(report.workedAround()).containsEntry("kept outside the region (flagged)", Map.of("", 2L));
        // Without a point there is nothing to keep it at.
        assertThat(reject(report, 4)).isEqualTo(
                "outside the region | INSEE code 33484 is Saint-Symphorien, Gironde (33), outside the region");
    }

    private DirectoryImportReport importFixture(String name) throws Exception {
        return db.importActors("annuaire", CSV, fixture("csv/homonyms/" + name), LOCATED);
    }
}
