package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.util.Map;
import org.atlascitoyen.importers.record.RecordKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Initiatives, imported after the actors that carry them. */
class InitiativeImportIT {

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @BeforeEach
    void databaseWithActors() throws Exception {
        db.importActors("annuaire", CSV, fixture("csv/utf8-comma.csv"), fixture("mapping/actors-full.yaml"));
    }

    @Test
    void statusesDatesLessonsAndCarriers() throws Exception {
        DirectoryImportReport report = db.run(db.request(RecordKind.INITIATIVE, "initiatives-occitanie", CSV,
                fixture("csv/initiatives.csv"), fixture("mapping/initiatives.yaml")));

        assertThat(report.kind()).isEqualTo("initiatives");
        assertThat(report.read()).isEqualTo(5);
        assertThat(report.inserted()).isEqualTo(5);
        assertThat(report.rejected()).isZero();
        assertThat(report.workedAround()).containsOnly(
                Map.entry("unknown status (en_cours used)", Map.of("Bof", 1L)),
                Map.entry("unreadable date (left out)", Map.of("31/02/2024", 1L)),
                Map.entry("end date before start date: end date left out", Map.of("", 1L)),
                Map.entry("carrier 'Association Inconnue' matches no actor (link left out)", Map.of("", 1L)));

        assertThat(db.rows("SELECT name, status, start_date, end_date, (SELECT string_agg(t, ',') FROM unnest(themes) t), precision, commune "
                + "FROM initiative ORDER BY id")).containsExactly(
                "Budget participatif des Izards | en_cours | 2024-03-01 | null | participation_citoyenne | commune | 31555",
                "Vélo-école de quartier | abandonnee | 2022-03-01 | 2023-12-31 | mobilite | commune | 34172",
                "Potager collectif | idee | 2025-03-01 | 2025-06-30 | alimentation | commune | 81004",
                "Festival des possibles | en_cours | null | null | culture | commune | 81004",
                "Fresque du climat | terminee | 2024-05-01 | null | climat | commune | 31555");
        assertThat(db.value("SELECT lessons_learned FROM initiative WHERE name = 'Vélo-école de quartier'"))
                .isEqualTo("Trop peu de bénévoles la deuxième année.\nLe local a été repris par la mairie.");
        // Carriers by the external id of an actor (A1, A2, A4) or by its name; the unknown one is left out.
        assertThat(db.rows("SELECT i.name, string_agg(a.name, ', ' ORDER BY a.name) FROM initiative_actor ia "
                + "JOIN initiative i ON i.id = ia.initiative_id JOIN actor a ON a.id = ia.actor_id GROUP BY i.name ORDER BY i.name"))
                .containsExactly(
                        "Budget participatif des Izards | Centre social Bagatelle, Maison des Initiatives Citoyennes",
                        "Festival des possibles | Amicale des Jardiniers",
                        "Vélo-école de quartier | La Fabrique");
        assertThat(db.rows("SELECT source, external_id FROM initiative_provenance ORDER BY external_id")).extracting(r -> r.split(" \\| ")[1])
                .containsExactly("I1", "I2", "I3", "I4", "I5");
        assertThat(db.value("SELECT record_kind || ' ' || status FROM import_run WHERE id = ?", report.runId())).isEqualTo("initiative succeeded");
    }

    @Test
    void reImportingKeepsTheLinks() throws Exception {
        ImportRequest request = db.request(RecordKind.INITIATIVE, "initiatives-occitanie", CSV, fixture("csv/initiatives.csv"),
                fixture("mapping/initiatives.yaml"));
        db.run(request);
        String links = String.join("\n", db.rows("SELECT initiative_id, actor_id FROM initiative_actor ORDER BY 1, 2"));

        DirectoryImportReport again = db.run(request);

        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(again.inserted()).isZero();
        assertThat(String.join("\n", db.rows("SELECT initiative_id, actor_id FROM initiative_actor ORDER BY 1, 2"))).isEqualTo(links);
    }

    @Test
    void textThatCopyAndArraysGiveAMeaningToArrivesAsWritten() throws Exception {
        DirectoryImportReport report = db.run(db.request(RecordKind.INITIATIVE, "initiatives-occitanie", CSV,
                fixture("csv/special-characters.csv"), fixture("mapping/initiatives.yaml")));

        assertThat(report.inserted()).isEqualTo(2);
        assertThat(DirectoryTestDatabase.reject(report, 4)).isEqualTo("missing name | the name '🌱🌱' has no letter or digit");
        assertThat(db.rows("SELECT name, name_search, lessons_learned FROM initiative ORDER BY id")).containsExactly(
                "Chemin C:\\Partage\\Vélo | chemin c partage velo | \\N",
                // a real tab is a control character (made a space); the two characters \t are text
                "Café 🌱 solidaire (onglet) | cafe solidaire onglet | Ligne avec tabulation\\tet \\\\ antislash");
        // Carriers travel as a text array: each one arrives whole, quotes, backslashes, braces and all.
        assertThat(report.workedAround().keySet()).filteredOn(k -> k.startsWith("carrier")).containsExactlyInAnyOrder(
                "carrier 'Collectif \"Vélo\"' matches no actor (link left out)",
                "carrier 'C:\\Partage' matches no actor (link left out)",
                "carrier 'NULL' matches no actor (link left out)",
                "carrier '{accolades}, virgule' matches no actor (link left out)");
    }
}
