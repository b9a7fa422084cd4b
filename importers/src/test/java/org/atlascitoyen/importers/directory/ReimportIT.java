package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Path;
import org.atlascitoyen.importers.record.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Importing a source again updates its records in place: csv/reimport-v2.csv is
 * csv/reimport-v1.csv with r1 changed, r3 removed and r5 added.
 */
class ReimportIT {

    private static final Path MAPPING = fixture("mapping/actors-full.yaml");
    private static final Path V1 = fixture("csv/reimport-v1.csv");
    private static final Path V2 = fixture("csv/reimport-v2.csv");

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void theSameFileTwiceChangesNoRecord() throws Exception {
        DirectoryImportReport first = db.importActors("annuaire", CSV, V1, MAPPING);
        String actors = actors();

        DirectoryImportReport second = db.importActors("annuaire", CSV, V1, MAPPING);

        assertThat(first.inserted()).isEqualTo(4);
        assertThat(second.read()).isEqualTo(4);
        assertThat(second.unchanged()).isEqualTo(4);
        assertThat(second.inserted() + second.updated() + second.merged() + second.noLongerSeen()).isZero();
        assertThat(actors()).isEqualTo(actors);
        // The fast path (unchanged.sql): unchanged rows are not rewritten, provenance included; the
        // full import dates them all at once through its source (record/sources.sql reads both).
        assertThat(db.rows("SELECT DISTINCT first_run, last_run, seen FROM actor_provenance"))
                .containsExactly(first.runId() + " | " + first.runId() + " | true");
        assertThat(db.rows("SELECT count(*) FROM actor_provenance p JOIN source s ON s.name = p.source"
                + " WHERE s.complete_run_at > p.last_seen_at")).containsExactly("4");
        assertThat(db.rows("SELECT id, unchanged FROM import_run ORDER BY id"))
                .containsExactly(first.runId() + " | 0", second.runId() + " | 4");
    }

    @Test
    void aChangedRemovedAndAddedRow() throws Exception {
        db.importActors("annuaire", CSV, V1, MAPPING);
        String untouched = String.join("\n", db.rows("SELECT a::text FROM actor a WHERE name IN ('Collectif Zéro Déchet Albi', "
                + "'Atelier vélo de Rodez', 'Ludothèque de Foix') ORDER BY id"));

        DirectoryImportReport report = db.importActors("annuaire", CSV, V2, MAPPING);

        assertThat(report.read()).isEqualTo(4);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(report.noLongerSeen()).isEqualTo(1);
        assertThat(db.value("SELECT no_longer_seen FROM import_run WHERE id = ?", report.runId())).isEqualTo("1");
        assertThat(db.count("actor")).isEqualTo(5);
        assertThat(db.rows("SELECT p.external_id, p.seen, a.name FROM actor_provenance p JOIN actor a ON a.id = p.actor_id ORDER BY 1"))
                .containsExactly(
                        "r1 | true | Maison de quartier Bagatelle",
                        "r2 | true | Collectif Zéro Déchet Albi",
                        "r3 | false | Ludothèque de Foix",
                        "r4 | true | Atelier vélo de Rodez",
                        "r5 | true | Épicerie solidaire de Mende");
        assertThat(db.value("SELECT description || ' / ' || array_to_string(themes, ',') FROM actor WHERE name = 'Maison de quartier Bagatelle'"))
                .isEqualTo("Accueil et ateliers pour tous / solidarites,jeunesse");
        // The unchanged records and the one no longer seen are not rewritten.
        assertThat(String.join("\n", db.rows("SELECT a::text FROM actor a WHERE name IN ('Collectif Zéro Déchet Albi', "
                + "'Atelier vélo de Rodez', 'Ludothèque de Foix') ORDER BY id"))).isEqualTo(untouched);
    }

    @Test
    void aRecordSeenAgainIsSeenAgain() throws Exception {
        db.importActors("annuaire", CSV, V1, MAPPING);
        db.importActors("annuaire", CSV, V2, MAPPING);

        DirectoryImportReport report = db.importActors("annuaire", CSV, V1, MAPPING);

        assertThat(report.inserted()).isZero();
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(3);
        assertThat(report.noLongerSeen()).isEqualTo(1);
        assertThat(db.rows("SELECT external_id, seen FROM actor_provenance ORDER BY 1"))
                .containsExactly("r1 | true", "r2 | true", "r3 | true", "r4 | true", "r5 | false");
        assertThat(db.count("actor")).isEqualTo(5);
        // r3 came back unchanged: its provenance row is dated by this run, the others stay as written
        assertThat(db.rows("SELECT external_id FROM actor_provenance WHERE last_run = " + report.runId() + " ORDER BY 1"))
                .containsExactly("r1", "r3");
    }

    @Test
    void aPartialFileMarksNothingAsNoLongerSeen() throws Exception {
        db.importActors("annuaire", CSV, V1, MAPPING);

        DirectoryImportReport report = db.run(new ImportRequest(RecordKind.ACTOR, "annuaire", CSV, V2, MAPPING, false, true,
                db.rejectsFor(V2)));

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(report.noLongerSeen()).isZero();
        assertThat(db.rows("SELECT external_id, seen FROM actor_provenance ORDER BY 1"))
                .containsExactly("r1 | true", "r2 | true", "r3 | true", "r4 | true", "r5 | true");
        // A partial file says nothing of the rows it lacks: it dates the rows it has one by one,
        // unchanged ones too, and not the source as a whole.
        assertThat(db.rows("SELECT external_id FROM actor_provenance WHERE last_run = " + report.runId() + " ORDER BY 1"))
                .containsExactly("r1", "r2", "r4", "r5");
        assertThat(db.rows("SELECT count(*) FROM actor_provenance p JOIN source s ON s.name = p.source"
                + " WHERE s.complete_run_at >= p.last_seen_at")).containsExactly("1");
    }

    private String actors() throws Exception {
        return String.join("\n", db.rows("SELECT a::text FROM actor a ORDER BY id"));
    }
}
