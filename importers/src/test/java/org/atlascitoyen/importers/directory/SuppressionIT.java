package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The suppression list: records withdrawn, removed or erased do not come back with an import
 * (importers/README.md, "Human edits and the suppression list"). The suppression rows are
 * written here in SQL, as the moderation code writes them.
 */
class SuppressionIT {

    private static final Path MAPPING = fixture("mapping/actors-contact.yaml");
    private static final Path ANNUAIRE = fixture("csv/human-edits/annuaire-v1.csv");
    private static final Path BY_NAME = fixture("csv/human-edits/reseau-suppressed-by-name.csv");
    private static final Path WOULD_MERGE = fixture("csv/human-edits/reseau-would-merge.csv");

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void aRecordRemovedAndSuppressedBySourceAndIdDoesNotComeBack() throws Exception {
        db.importActors("annuaire", CSV, ANNUAIRE, MAPPING);
        db.execute("DELETE FROM actor WHERE name = 'Ludothèque de Foix'");
        db.execute("INSERT INTO suppression (record_kind, source, external_id, reason) VALUES ('actor', 'annuaire', 'r3', 'removed')");

        DirectoryImportReport report = db.importActors("annuaire", CSV, ANNUAIRE, MAPPING);

        assertThat(report.suppressed()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(report.inserted() + report.rejected() + report.noLongerSeen()).isZero();
        assertThat(db.rows("SELECT name FROM actor ORDER BY name"))
                .containsExactly("Collectif Zéro Déchet Albi", "Maison de quartier Bagatelle");
        assertThat(Files.exists(db.rejectsFor(ANNUAIRE))).isFalse();
    }

    @Test
    void aRecordSuppressedByNameAndCommuneDoesNotComeBackFromAnotherSource() throws Exception {
        db.importActors("annuaire", CSV, ANNUAIRE, MAPPING);
        db.execute("INSERT INTO suppression (record_kind, name_search, commune, reason)"
                + " SELECT 'actor', name_search, commune, 'withdrawn' FROM actor WHERE name = 'Ludothèque de Foix'");
        db.execute("DELETE FROM actor WHERE name = 'Ludothèque de Foix'");

        DirectoryImportReport report = db.importActors("reseau", CSV, BY_NAME, MAPPING);

        assertThat(report.suppressed()).isEqualTo(1);
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(db.rows("SELECT name FROM actor ORDER BY name"))
                .containsExactly("Collectif Zéro Déchet Albi", "Maison de quartier Bagatelle", "Repair café de Millau");
        assertThat(db.rows("SELECT external_id FROM actor_provenance WHERE source = 'reseau'")).containsExactly("x3");
    }

    @Test
    void aSuppressedRowIsNotMergedIntoAnExistingRecordAndItsContactGoesNowhere() throws Exception {
        db.importActors("annuaire", CSV, ANNUAIRE, MAPPING);
        db.execute("INSERT INTO suppression (record_kind, source, external_id, reason) VALUES ('actor', 'reseau', 'x2', 'erased')");
        String albi = db.value("SELECT a::text FROM actor a WHERE name = 'Collectif Zéro Déchet Albi'");

        DirectoryImportReport report = db.importActors("reseau", CSV, WOULD_MERGE, MAPPING);

        assertThat(report.suppressed()).isEqualTo(1);
        assertThat(report.merged()).isZero();
        assertThat(report.inserted()).isEqualTo(1);
        assertThat(db.value("SELECT a::text FROM actor a WHERE name = 'Collectif Zéro Déchet Albi'")).isEqualTo(albi);
        assertThat(db.count("record_merge") + db.count("merge_candidate")).isZero();
        // the erased row's email and phone are written nowhere: no table, no report, no reject file
        assertThat(db.value("SELECT count(*) FROM actor a WHERE a::text LIKE '%zd-albi%' OR a::text LIKE '%05 63%'")).isEqualTo("0");
        assertThat(db.value("SELECT count(*) FROM import_run r WHERE r::text LIKE '%zd-albi%'")).isEqualTo("0");
        assertThat(Files.exists(db.rejectsFor(WOULD_MERGE))).isFalse();
    }

    @Test
    void aSuppressedRecordIsNotListedAsNoLongerSeen() throws Exception {
        db.importActors("annuaire", CSV, ANNUAIRE, MAPPING);
        // removed by a moderator but its row kept (hidden, say): the source still has it
        db.execute("INSERT INTO suppression (record_kind, source, external_id, reason) VALUES ('actor', 'annuaire', 'r3', 'removed')");

        DirectoryImportReport report = db.importActors("annuaire", CSV, ANNUAIRE, MAPPING);

        assertThat(report.suppressed()).isEqualTo(1);
        assertThat(report.noLongerSeen()).isZero();
        assertThat(db.value("SELECT seen FROM actor_provenance WHERE external_id = 'r3'")).isEqualTo("true");
    }
}
