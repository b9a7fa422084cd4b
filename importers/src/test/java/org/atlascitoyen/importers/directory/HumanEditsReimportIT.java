package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.atlascitoyen.importers.record.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Human edits survive re-imports (importers/README.md, "Human edits and the suppression list").
 * csv/human-edits/annuaire-v1.csv is the source as first imported; annuaire-v2-new-website.csv
 * changes r1's website and description; annuaire-v2-same-website.csv changes r1's description
 * only; initiatives-v2-status.csv ends initiative I1 of initiatives-v1.csv and adds its lessons
 * learned. The field_source and contribution rows are written here in SQL, as the moderation code
 * writes them.
 */
class HumanEditsReimportIT {

    private static final Path MAPPING = fixture("mapping/actors-contact.yaml");
    private static final Path V1 = fixture("csv/human-edits/annuaire-v1.csv");
    private static final Path NEW_WEBSITE = fixture("csv/human-edits/annuaire-v2-new-website.csv");
    private static final Path SAME_WEBSITE = fixture("csv/human-edits/annuaire-v2-same-website.csv");
    private static final String BAGATELLE = "Maison de quartier Bagatelle";
    private static final String APPROVED = "https://approuve.example.org";

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void aReimportKeepsTheApprovedValueAndQueuesTheConflictOnce() throws Exception {
        db.importActors("annuaire", CSV, V1, MAPPING);
        long id = approveWebsite("\"https://bagatelle.example.org\"");

        DirectoryImportReport report = db.importActors("annuaire", CSV, NEW_WEBSITE, MAPPING);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.humanEdits()).isEqualTo(new DirectoryImportReport.HumanEdits(1, 1, 0));
        // the approved value stays, the field nobody approved follows the source
        assertThat(db.value("SELECT website || ' | ' || website_host || ' | ' || description FROM actor WHERE id = ?", id))
                .isEqualTo(APPROVED + " | approuve.example.org | Centre social et culturel du quartier");
        assertThat(db.rows("SELECT c.kind, c.status, c.record_kind, c.record_id = a.id, c.payload::text, c.source, c.commune,"
                + " c.epci, c.departement, c.region, c.epci = a.epci AND c.petr IS NOT DISTINCT FROM a.petr"
                + " AND c.bassin_vie = a.bassin_vie FROM contribution c JOIN actor a ON a.id = c.record_id"))
                .containsExactly("import_conflict | pending | actor | true | {\"website\": \"https://nouveau-site.example.org\"}"
                        + " | annuaire | 31555 | 243100518 | 31 | 76 | true");
        assertThat(db.value("SELECT source_value::text FROM field_source WHERE record_id = ?", id))
                .isEqualTo("\"https://nouveau-site.example.org\"");

        DirectoryImportReport again = db.importActors("annuaire", CSV, NEW_WEBSITE, MAPPING);

        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.humanEdits()).isEqualTo(DirectoryImportReport.HumanEdits.NONE);
        assertThat(db.count("contribution")).isEqualTo(1);
    }

    @Test
    void aChangedRowWhoseSourceValueIsUnchangedQueuesNothing() throws Exception {
        db.importActors("annuaire", CSV, V1, MAPPING);
        long id = approveWebsite("\"https://bagatelle.example.org\"");

        // r1's description changed (the row is written), its website is still the one recorded
        DirectoryImportReport report = db.importActors("annuaire", CSV, SAME_WEBSITE, MAPPING);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.humanEdits()).isEqualTo(new DirectoryImportReport.HumanEdits(1, 0, 0));
        assertThat(db.count("contribution")).isZero();
        assertThat(db.value("SELECT website || ' | ' || description FROM actor WHERE id = ?", id))
                .isEqualTo(APPROVED + " | Centre social et culturel du quartier");
    }

    @Test
    void anOwnedRecordIsNotWrittenAndDoesNotFlap() throws Exception {
        db.importActors("annuaire", CSV, V1, MAPPING);
        long id = Long.parseLong(db.value("SELECT id FROM actor WHERE name = ?", BAGATELLE));
        db.execute("INSERT INTO account (email) VALUES ('proprietaire@example.org')");
        db.execute("INSERT INTO record_owner (record_kind, record_id, account_id)"
                + " SELECT 'actor', ?, id FROM account WHERE email = 'proprietaire@example.org'", id);
        String before = db.value("SELECT a::text FROM actor a WHERE id = ?", id);

        DirectoryImportReport report = db.importActors("annuaire", CSV, NEW_WEBSITE, MAPPING);

        assertThat(db.value("SELECT a::text FROM actor a WHERE id = ?", id)).isEqualTo(before);
        assertThat(report.humanEdits()).isEqualTo(new DirectoryImportReport.HumanEdits(2, 1, 0));
        assertThat(db.value("SELECT payload::text FROM contribution WHERE kind = 'import_conflict'"))
                .isEqualTo("{\"website\": \"https://nouveau-site.example.org\","
                        + " \"description\": \"Centre social et culturel du quartier\"}");

        DirectoryImportReport again = db.importActors("annuaire", CSV, NEW_WEBSITE, MAPPING);

        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(db.value("SELECT a::text FROM actor a WHERE id = ?", id)).isEqualTo(before);
        assertThat(db.count("contribution")).isEqualTo(1); // the conflict, queued once
    }

    @Test
    void theReportCountsWhatWasKeptQueuedAndSkipped() throws Exception {
        db.importActors("annuaire", CSV, V1, MAPPING);
        approveWebsite(null);
        db.execute("INSERT INTO suppression (record_kind, source, external_id, reason) VALUES ('actor', 'annuaire', 'r3', 'removed')");

        DirectoryImportReport report = db.importActors("annuaire", CSV, NEW_WEBSITE, MAPPING);

        assertThat(report.humanEdits()).isEqualTo(new DirectoryImportReport.HumanEdits(1, 1, 1));
        assertThat(report.suppressed()).isEqualTo(1);
        assertThat(db.value("SELECT report -> 'humanEdits' FROM import_run WHERE id = ?", report.runId()))
                .isEqualTo("{\"fieldsKept\": 1, \"suppressed\": 1, \"conflictsQueued\": 1}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("  human edits: fields kept 1  conflicts queued for moderation 1  suppressed rows skipped 1\n");
    }

    @Test
    void anInitiativeKeepsItsApprovedStatus() throws Exception {
        Path mapping = fixture("mapping/initiatives.yaml");
        db.run(db.request(RecordKind.INITIATIVE, "initiatives", CSV, fixture("csv/human-edits/initiatives-v1.csv"), mapping));
        long id = Long.parseLong(db.value("SELECT id FROM initiative WHERE name = 'Budget participatif des Izards'"));
        db.execute("INSERT INTO field_source (record_kind, record_id, field, value, source_value)"
                + " VALUES ('initiative', ?, 'status', '\"en_cours\"', '\"en_cours\"')", id);

        DirectoryImportReport report = db.run(db.request(RecordKind.INITIATIVE, "initiatives", CSV,
                fixture("csv/human-edits/initiatives-v2-status.csv"), mapping));

        assertThat(report.humanEdits()).isEqualTo(new DirectoryImportReport.HumanEdits(1, 1, 0));
        assertThat(db.value("SELECT status || ' | ' || lessons_learned FROM initiative WHERE id = ?", id))
                .isEqualTo("en_cours | Deux éditions réussies.");
        assertThat(db.value("SELECT record_kind || ' ' || payload::text || ' ' || commune FROM contribution WHERE record_id = ?", id))
                .isEqualTo("initiative {\"status\": \"terminee\"} 31555");
    }

    /**
     * What approving a change of Bagatelle's website writes: the published value, and its
     * field_source row with the source's value seen then (JSON, or null when unknown).
     */
    private long approveWebsite(String sourceValue) throws Exception {
        long id = Long.parseLong(db.value("SELECT id FROM actor WHERE name = ?", BAGATELLE));
        db.execute("UPDATE actor SET website = ?, website_host = 'approuve.example.org' WHERE id = ?", APPROVED, id);
        db.execute("INSERT INTO field_source (record_kind, record_id, field, value, source_value)"
                + " VALUES ('actor', ?, 'website', to_jsonb(?::text), ?::jsonb)", id, APPROVED, sourceValue);
        return id;
    }
}
