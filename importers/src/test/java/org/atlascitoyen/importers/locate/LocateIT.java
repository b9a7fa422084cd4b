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

/** Locating rows by their coordinates, else their commune; what cannot be located is rejected with why. */
class LocateIT {

    private static final Path LOCATED = fixture("mapping/actors-located.json");

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void unreadableCoordinatesFallBackOnTheCommuneOrRejectTheRow() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/bad-coordinates.csv"), LOCATED);

        assertThat(report.rejectsByReason()).containsExactly(Map.entry("bad coordinates", 3L));
        assertThat(reject(report, 2)).isEqualTo("bad coordinates | not a number: 'abc', and no commune to fall back on");
        assertThat(reject(report, 6)).isEqualTo("bad coordinates | coordinates out of range: 123, 456, and no commune to fall back on");
        assertThat(reject(report, 7)).isEqualTo("bad coordinates | only one of latitude and longitude: '43.6045', '', "
                + "and no commune to fall back on");
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.workedAround()).containsExactly(Map.entry("unreadable coordinates: located by commune", Map.of("", 1L)));
        assertThat(db.rows("SELECT name, precision, commune FROM actor ORDER BY name")).containsExactly(
                "Avec commune | commune | 31555", "Virgule décimale | address | 31555", "Zéro zéro | commune | 81004");
        assertThat(db.actor("Virgule décimale")).endsWith("| 1.4440 43.6045");
        assertThat(db.actor("Zéro zéro")).endsWith("| " + db.communePoint("81004"));
    }

    @Test
    void swappedCoordinatesAreFixedAndCounted() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/swapped-coordinates.csv"), LOCATED);

        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.workedAround()).containsExactly(Map.entry("latitude and longitude swapped: fixed", Map.of("", 2L)));
        assertThat(db.rows("SELECT name, precision, commune, round(ST_X(geom)::numeric, 4), round(ST_Y(geom)::numeric, 4) "
                + "FROM actor ORDER BY name")).containsExactly(
                "Dans l'ordre à Colomiers | address | 31149 | 1.3350 | 43.6110",
                "Inversé au Capitole | address | 31555 | 1.4440 | 43.6045",
                "Inversé à Blagnac | address | 31069 | 1.3904 | 43.6373");
    }

    @Test
    void aPointOutsideTheRegionIsRejectedEvenWhenTheRowNamesAFarCommuneOfTheRegion() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/outside-region.csv"), LOCATED);

        assertThat(report.rejectsByReason()).containsExactly(Map.entry("outside the region", 2L));
        assertThat(reject(report, 2)).isEqualTo("outside the region | the point 2.3522, 48.8566 (lon, lat) is in no commune of the region");
        // A point in Paris contradicts the name Toulouse: the row is not placed in Toulouse (HomonymLocateIT has the rest).
        assertThat(reject(report, 3)).matches("outside the region \\| the point 2\\.3522, 48\\.8566 \\(lon, lat\\) is in no commune "
                + "of the region, about \\d{3} km from Toulouse \\(31555\\), the commune the row names");
        assertThat(report.workedAround()).isEmpty();
        assertThat(db.actor("Au Capitole")).endsWith("| address | 31555 | 243100518 | 31 | false | 1.4440 43.6045");
    }

    @Test
    void withKeepOutOfRegionAPointOutsideIsKeptFlaggedWithoutCommune() throws Exception {
        Path file = fixture("csv/outside-region.csv");
        DirectoryImportReport report = db.run(new ImportRequest(RecordKind.ACTOR, "annuaire", ImportRequest.Format.CSV, file, LOCATED,
                true, false, db.rejectsFor(file)));

        assertThat(report.rejected()).isZero();
        assertThat(report.inserted()).isEqualTo(3);
        assertThat(report.workedAround()).containsEntry("kept outside the region (flagged)", Map.of("", 2L));
        assertThat(db.actor("Collectif parisien")).isEqualTo("Collectif parisien | autre | null | address | null | null | null | true | "
                + "2.3522 48.8566");
        assertThat(db.actor("Antenne toulousaine")).isEqualTo("Antenne toulousaine | autre | null | address | null | null | null | true | "
                + "2.3522 48.8566");
    }

    @Test
    void communeNamesAreMatchedWhateverTheirSpelling() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/commune-name-variants.csv"), LOCATED);

        assertThat(report.rejected()).isZero();
        assertThat(db.rows("SELECT name, precision, commune FROM actor ORDER BY id")).containsExactly(
                "Atelier vélo | commune | 31483",          // St-Gaudens
                "Chorale | commune | 09257",               // Ste-Croix-Volvestre
                "Maison des jeunes | commune | 31555",     // TOULOUSE
                "Fête des vendanges | commune | 34199",    // Pezenas
                "Refuge de montagne | commune | 09334",    // Vicdessos, now part of Val-de-Sos
                "Marché paysan | commune | 32160",         // L’Isle-Jourdain
                "Thermes citoyens | commune | 65059");     // bagneres de bigorre
        assertThat(db.actor("Refuge de montagne")).endsWith("| " + db.communePoint("09334"));
    }

    @Test
    void aCommuneNameSharedByCommunesOfTheRegionNeedsThePostcode() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/ambiguous-commune.csv"), LOCATED);

        assertThat(report.rejectsByReason()).containsExactly(Map.entry("ambiguous commune", 2L));
        assertThat(reject(report, 2)).isEqualTo("ambiguous commune | 'Montréal' names 2 communes of the region; "
                + "add the postcode or the INSEE code");
        assertThat(reject(report, 5)).isEqualTo("ambiguous commune | 'St Michel' names 5 communes of the region; "
                + "add the postcode or the INSEE code");
        assertThat(db.rows("SELECT name, commune FROM actor ORDER BY name"))
                .containsExactly("Comité des fêtes | 31505", "Foyer rural du Gers | 32290");
    }

    @Test
    void aTerritoryColumnPlacesTheRowOnTheWholeTerritory() throws Exception {
        DirectoryImportReport report = db.importActors("annuaire", CSV, fixture("csv/territory-column.csv"),
                fixture("mapping/actors-territory.json"));

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.rejectsByReason()).containsOnly(Map.entry("bad territory", 2L), Map.entry("territory not found", 1L));
        assertThat(reject(report, 4)).startsWith("bad territory | 'zone:12' is not KIND:CODE with KIND one of");
        assertThat(reject(report, 5)).isEqualTo("territory not found | epci:999999999 is not a territory of the region");
        assertThat(reject(report, 6)).startsWith("bad territory | 'epci 243100518' is not KIND:CODE");
        // Placed at the territory's label point, keyed to the commune there, which is in the territory.
        assertThat(db.rows("SELECT a.name, a.precision, a.territory_kind, a.territory_code, a.epci, a.departement, "
                + "ST_Equals(a.geom, t.label_point), a.commune IS NOT NULL FROM actor a "
                + "JOIN territory t ON t.kind = a.territory_kind AND t.code = a.territory_code ORDER BY a.name")).containsExactly(
                "Conseil de développement de la métropole | territory | epci | 243100518 | 243100518 | 31 | true | true",
                "Réseau départemental | territory | departement | 31 | " + db.value("SELECT c.epci FROM actor a JOIN commune c "
                        + "ON c.code = a.commune WHERE a.name = 'Réseau départemental'") + " | 31 | true | true");
    }

    @Test
    void aLevelColumnAndACodeColumnPlaceTheRowAsKindColonCodeDoes() throws Exception {
        DirectoryImportReport report = db.importActors("donnees-nationales", CSV, fixture("csv/territory-level-and-code.csv"),
                fixture("mapping/actors-territory-level-and-code.yaml"));

        assertThat(report.inserted()).isEqualTo(6);
        assertThat(report.rejectsByReason()).containsOnly(Map.entry("bad territory", 3L), Map.entry("territory not found", 1L));
        assertThat(reject(report, 8)).isEqualTo("bad territory | 'canton' is not a territory level; levels are commune, epci, "
                + "departement, region, petr, bassin_vie, pnr, qpv (a mapping's 'values' may translate others)");
        assertThat(reject(report, 9)).isEqualTo("territory not found | commune:75056 is not a territory of the region");
        assertThat(reject(report, 10)).isEqualTo("bad territory | level 'epci' without a code");
        assertThat(reject(report, 11)).startsWith("bad territory | code '243100518' without a level");
        // The kind and code the KIND:CODE form stores; placed at the territory's label point and keyed
        // to the commune there (the commune itself for a commune), with that commune's EPCI, département and région.
        assertThat(db.rows("""
                SELECT a.name, a.precision, a.territory_kind, a.territory_code, a.commune, a.epci, a.departement, a.region,
                       ST_Equals(a.geom, t.label_point),
                       a.commune = (SELECT p.code FROM commune_part p WHERE ST_Intersects(p.geom, t.label_point) LIMIT 1)
                FROM actor a JOIN territory t ON t.kind = a.territory_kind AND t.code = a.territory_code
                JOIN commune c ON c.code = a.commune
                WHERE (c.epci, c.departement, c.region) IS NOT DISTINCT FROM (a.epci, a.departement, a.region)
                ORDER BY a.name""")).containsExactly(
                "Agence métropolitaine | territory | epci | 243100518 | " + labelCommune("epci", "243100518") + " | 243100518 | 31 | 76 | true | true",
                "Assemblée régionale des jeunes | territory | region | 76 | " + labelCommune("region", "76") + " | "
                        + db.value("SELECT epci FROM commune WHERE code = ?", labelCommune("region", "76")) + " | "
                        + db.value("SELECT departement FROM commune WHERE code = ?", labelCommune("region", "76")) + " | 76 | true | true",
                "Collectif ariégeois | territory | departement | 09 | " + labelCommune("departement", "09") + " | "
                        + db.value("SELECT epci FROM commune WHERE code = ?", labelCommune("departement", "09")) + " | 09 | 76 | true | true",
                "Conseil de développement de la métropole | territory | epci | 243100518 | " + labelCommune("epci", "243100518")
                        + " | 243100518 | 31 | 76 | true | true",
                "Réseau aveyronnais | territory | departement | 12 | " + labelCommune("departement", "12") + " | "
                        + db.value("SELECT epci FROM commune WHERE code = ?", labelCommune("departement", "12")) + " | 12 | 76 | true | true",
                "Tiers-lieu du Capitole | territory | commune | 31555 | 31555 | 243100518 | 31 | 76 | true | true");
    }

    /** The commune under a territory's label point, where a row on the whole territory is keyed. */
    private String labelCommune(String kind, String code) throws Exception {
        return db.value("SELECT p.code FROM commune_part p JOIN territory t ON ST_Intersects(p.geom, t.label_point) "
                + "WHERE t.kind = ? AND t.code = ? LIMIT 1", kind, code);
    }
}
