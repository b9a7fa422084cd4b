package org.atlascitoyen.importers.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.atlascitoyen.importers.directory.ImportRequest.Format.CSV;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Natural persons in imports (importers/README.md, "Natural persons"): rows flagged by their legal
 * form, a source's column or the name rules are published under a neutral label with the real name
 * private, or rejected; two hidden persons of one commune never merge on their equal labels; a
 * re-import is stable.
 */
class NaturalPersonImportIT {

    private static final Path EXTRACT = fixture("csv/natural-persons/sirene-extract.csv");
    private static final Path SECOND = fixture("csv/natural-persons/second-source.csv");
    private static final Path HIDE = fixture("mapping/natural-persons-hide.yaml");
    private static final Path REJECT = fixture("mapping/natural-persons-reject.yaml");
    private static final Path COLUMN = fixture("mapping/natural-persons-column.yaml");
    /** The rows of the extract that are natural persons, by legal form (s1, s2), civility (s3, s5) and marker (s4). */
    private static final List<String> REAL_NAMES = List.of("DUPONT Marie", "MARTIN Paul", "M. Jean Durand",
            "Boulangerie Lemoine EI", "Madame Sophie Bernard");
    /** Associations whose names look like a person's or a sole trader's at a glance, and must keep them. */
    private static final List<String> ORDINARY = List.of("Association Madame Sans-Gêne", "Docteur Clown", "Les Amis du Jardin",
            "Madame Sans-Gêne", "Maison de l'entreprise individuelle");

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    @Test
    void naturalPersonsArePublishedUnderALabelWithTheirNamePrivate() throws Exception {
        DirectoryImportReport report = db.importActors("sirene", CSV, EXTRACT, HIDE);

        assertThat(report.naturalPersons()).isEqualTo(new DirectoryImportReport.NaturalPersons(5, 0));
        assertThat(report.inserted()).isEqualTo(10);
        assertThat(report.merged()).isZero();
        assertThat(report.possibleDuplicates()).isZero();
        assertThat(db.rows("SELECT private_name || ' -> ' || name FROM actor WHERE natural_person ORDER BY private_name"))
                .containsExactly("Boulangerie Lemoine EI -> Entrepreneur individuel (nom non publié)",
                        "DUPONT Marie -> Entrepreneur individuel (nom non publié)",
                        "M. Jean Durand -> Personne physique (nom non publié)",
                        "MARTIN Paul -> Entrepreneur individuel (nom non publié)",
                        "Madame Sophie Bernard -> Personne physique (nom non publié)");
        assertThat(db.rows("SELECT name FROM actor WHERE NOT natural_person AND private_name IS NULL ORDER BY name"))
                .containsExactlyElementsOf(ORDINARY);
        // the two sole traders of Toulouse stay two records, each with its SIREN
        assertThat(db.rows("SELECT siren FROM actor WHERE natural_person AND commune = '31555' ORDER BY siren"))
                .containsExactly("812345678", "823456789");
        assertThat(db.value("SELECT report::text FROM import_run WHERE id = ?", report.runId()))
                .contains("\"naturalPersons\": {\"hidden\": 5, \"rejected\": 0}")
                .doesNotContain("Dupont", "DUPONT", "Durand", "Lemoine", "Bernard");
    }

    @Test
    void theReaderRoleFindsNoRealNameInAnyPublicColumn() throws Exception {
        db.importActors("sirene", CSV, EXTRACT, HIDE);

        try (Connection reader = DriverManager.getConnection(db.config().url(), db.config().readerUser(),
                db.config().readerPassword());
             Statement st = reader.createStatement();
             ResultSet rs = st.executeQuery("SELECT p::text, search::text, natural_person FROM actor_public p WHERE natural_person")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                for (int column = 1; column <= 2; column++) {
                    assertThat(rs.getString(column).toLowerCase()).doesNotContain("dupont", "martin", "durand", "lemoine",
                            "bernard", "sophie", "marie");
                }
            }
            assertThat(rows).isEqualTo(5);
        }
    }

    @Test
    void reImportingIsStable() throws Exception {
        db.importActors("sirene", CSV, EXTRACT, HIDE);
        String before = db.value("SELECT string_agg(a::text, '|' ORDER BY id) FROM actor a");

        DirectoryImportReport again = db.importActors("sirene", CSV, EXTRACT, HIDE);

        assertThat(again.unchanged()).isEqualTo(10);
        assertThat(again.inserted() + again.updated() + again.merged() + again.rejected()).isZero();
        assertThat(again.naturalPersons().hidden()).isEqualTo(5);
        assertThat(db.value("SELECT string_agg(a::text, '|' ORDER BY id) FROM actor a")).isEqualTo(before);
    }

    @Test
    void anotherSourceMergesOnThePrivateNameInTheCommuneOnly() throws Exception {
        db.importActors("sirene", CSV, EXTRACT, HIDE);

        DirectoryImportReport report = db.importActors("annuaire-pp", CSV, SECOND, COLUMN);

        // "Dupont Marie" of Toulouse is the sole trader "DUPONT Marie" of the extract (another label, the
        // same private name); "Claire Fontaine" of Albi is published as "Personne physique (nom non
        // publié)", as "M. Jean Durand" of Albi is, and stays a record of her own, as does "Pierre Martin".
        assertThat(report.naturalPersons().hidden()).isEqualTo(3);
        assertThat(report.mergedByRule()).containsOnly(entry("private-name-commune", 1L), entry("name-commune", 1L));
        assertThat(report.inserted()).isEqualTo(2);
        assertThat(report.possibleDuplicates()).isZero();
        assertThat(db.rows("SELECT a.private_name FROM actor a JOIN actor_provenance p ON p.actor_id = a.id"
                + " WHERE p.source = 'annuaire-pp' AND a.natural_person ORDER BY 1"))
                .containsExactly("Claire Fontaine", "DUPONT Marie", "Pierre Martin");
        assertThat(db.rows("SELECT private_name FROM actor WHERE natural_person AND commune = '81004' ORDER BY 1"))
                .containsExactly("Boulangerie Lemoine EI", "Claire Fontaine", "M. Jean Durand");
        assertThat(db.value("SELECT count(*) FROM actor WHERE natural_person AND commune = '31555'")).isEqualTo("3");
        assertThat(db.value("SELECT count(*) FROM actor WHERE name = 'Personne physique (nom non publié)' AND commune = '81004'"))
                .isEqualTo("2");
    }

    @Test
    void aHiddenPersonsDerivedIdIsKeyedNotADigestOfTheirName() throws Exception {
        Path file = fixture("csv/natural-persons/without-ids.csv");
        Path mapping = fixture("mapping/natural-persons-without-ids.yaml");
        db.importActors("sans-id", CSV, file, mapping);

        // the ids of a source are public (a record's sources): a plain digest of the name, commune,
        // postcode and address could be tried against a list of names
        assertThat(db.rows("SELECT left(p.external_id, 2) || CASE WHEN a.natural_person THEN ' hidden' ELSE '' END"
                + " FROM actor_provenance p JOIN actor a ON a.id = p.actor_id ORDER BY 1"))
                .containsExactly("h:", "p: hidden", "p: hidden");
        assertThat(db.value("SELECT count(DISTINCT external_id) FROM actor_provenance")).isEqualTo("3");

        DirectoryImportReport again = db.importActors("sans-id", CSV, file, mapping);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.inserted() + again.updated() + again.noLongerSeen()).isZero();
    }

    @Test
    void rejectedNaturalPersonsAreReportedAsSuch() throws Exception {
        DirectoryImportReport report = db.importActors("sirene", CSV, EXTRACT, REJECT);

        assertThat(report.naturalPersons()).isEqualTo(new DirectoryImportReport.NaturalPersons(0, 5));
        assertThat(report.rejectsByReason()).containsEntry("personne physique", 5L);
        assertThat(report.inserted()).isEqualTo(5);
        assertThat(db.rows("SELECT name FROM actor ORDER BY name")).containsExactlyElementsOf(ORDINARY);
        assertThat(db.value("SELECT count(*) FROM actor WHERE private_name IS NOT NULL OR natural_person")).isEqualTo("0");
        List<CSVRecord> rejects = DirectoryTestDatabase.rejects(report);
        assertThat(rejects).extracting(r -> r.get("reason")).containsOnly("personne physique");
        assertThat(rejects).extracting(r -> r.get("name")).containsExactlyInAnyOrderElementsOf(REAL_NAMES);
        assertThat(rejects).extracting(r -> r.get("detail")).contains("legal form 1000 (entrepreneur individuel)",
                "sole-trader marker 'EI'", "civility before a first name and a surname");
    }
}
