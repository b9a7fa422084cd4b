package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Path;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.source.SourceLicence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each source records its licence and attribution, from the mapping file or the command line; none is reported. */
class SourceLicenceIT {

    private static final Path ACTORS = fixture("csv/utf8-comma.csv");
    private static final String ETALAB = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void theMappingFileGivesTheLicence() throws Exception {
        DirectoryImportReport report = db.importActors("tiers-lieux", CSV, ACTORS, fixture("mapping/actors-licence-block.yaml"));

        assertThat(report.licenceUnknown()).isFalse();
        assertThat(report.licence()).isEqualTo(new SourceLicence("Licence Ouverte 2.0", ETALAB, "Réseau des tiers-lieux d'Occitanie"));
        assertThat(db.rows("SELECT name, licence, licence_url, attribution FROM source")).containsExactly(
                "tiers-lieux | Licence Ouverte 2.0 | " + ETALAB + " | Réseau des tiers-lieux d'Occitanie");
        assertThat(db.rows("SELECT report->'licence'->>'licence' FROM import_run")).containsExactly("Licence Ouverte 2.0");
    }

    @Test
    void theCommandLineWinsOverTheMappingFileValueByValue() throws Exception {
        db.run(request(fixture("mapping/actors-licence-block.yaml"), SourceLicence.of("ODbL-1.0", null, null)));

        assertThat(db.rows("SELECT licence, licence_url, attribution FROM source")).containsExactly(
                "ODbL 1.0 | https://opendatacommons.org/licenses/odbl/1-0/ | Réseau des tiers-lieux d'Occitanie");
    }

    @Test
    void aSourceWithoutLicenceIsReportedAndARecordedOneIsKeptByAReimportThatGivesNone() throws Exception {
        Path noLicence = fixture("mapping/actors-with-id.json");
        DirectoryImportReport first = db.run(request(noLicence, SourceLicence.NONE));

        assertThat(first.licenceUnknown()).isTrue();
        assertThat(first.inserted()).isEqualTo(4); // reported, not refused: the records are published
        assertThat(db.rows("SELECT name, licence, licence_url, attribution FROM source"))
                .containsExactly("annuaire | null | null | null");

        db.run(request(noLicence, SourceLicence.of("CC-BY-4.0", null, "© Annuaire")));
        DirectoryImportReport again = db.run(request(noLicence, SourceLicence.NONE));

        assertThat(again.licenceUnknown()).isFalse();
        assertThat(db.rows("SELECT licence, licence_url, attribution FROM source")).containsExactly(
                "CC BY 4.0 | https://creativecommons.org/licenses/by/4.0/ | © Annuaire");

        db.run(request(noLicence, SourceLicence.of("Licence du réseau", null, null)));
        assertThat(db.rows("SELECT licence, licence_url, attribution FROM source")).as("a new licence takes its own URL, none here")
                .containsExactly("Licence du réseau | null | © Annuaire");
    }

    private ImportRequest request(Path mapping, SourceLicence licence) {
        String source = mapping.getFileName().toString().contains("licence") ? "tiers-lieux" : "annuaire";
        return new ImportRequest(RecordKind.ACTOR, source, CSV, ACTORS, mapping, false, false, db.rejectsFor(ACTORS), licence);
    }
}
