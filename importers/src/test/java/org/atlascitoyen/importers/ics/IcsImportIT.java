package org.atlascitoyen.importers.ics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.atlascitoyen.importers.testing.Fixtures.fixture;

import java.nio.file.Path;
import java.time.Instant;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.DirectoryTestDatabase;
import org.atlascitoyen.importers.directory.EventImport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An iCalendar file imported twice: ics/agenda-v1.ics holds a weekly repair café (10 Mondays, one
 * excluded by EXDATE, one moved to a Tuesday and one cancelled by RECURRENCE-ID overrides), a
 * cancelled conference placed by GEO, an all-day forum placed by its commune's name, an afternoon
 * in Foix at a floating time placed by its postcode, and an online event nothing places (rejected).
 * ics/agenda-v2.ics moves and renames the forum and no longer has the afternoon in Foix.
 */
class IcsImportIT {

    private static final Path V1 = fixture("ics/agenda-v1.ics");
    private static final Path V2 = fixture("ics/agenda-v2.ics");
    /** The expansion window: 30 days before 2030-01-01 to 365 days after. */
    private static final IcsReader.Window WINDOW = IcsReader.Window.around(Instant.parse("2030-01-01T00:00:00Z"), 30, 365);

    @RegisterExtension
    final DirectoryTestDatabase db = DirectoryTestDatabase.perTest();

    private DirectoryImportReport importFile(Path file) throws Exception {
        ImportRequest request = new ImportRequest(RecordKind.EVENT, "agenda-test", ImportRequest.Format.ICS, file, null,
                false, false, db.rejectsFor(file));
        return new EventImport(db.config(), WINDOW).run(request);
    }

    @Test
    void recurringCancelledAndUpdatedEventsImportedTwice() throws Exception {
        DirectoryImportReport first = importFile(V1);

        // 10 weekly occurrences less the EXDATE, the conference, the forum and Foix; the webinar has no place.
        assertThat(first.inserted()).isEqualTo(12);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.rejectsByReason()).containsOnlyKeys("no location");
        assertThat(db.rows("SELECT external_id FROM event_provenance WHERE external_id LIKE 'repair-cafe%' ORDER BY 1"))
                .hasSize(9)
                .contains("repair-cafe@example.org#20300107T170000Z", "repair-cafe@example.org#20300128T170000Z")
                .doesNotContain("repair-cafe@example.org#20300121T170000Z");
        // The moved occurrence has the override's time and name; the overridden one is cancelled.
        assertThat(db.rows("SELECT e.name, (e.starts_at AT TIME ZONE 'Europe/Paris')::text, e.status FROM event e"
                + " JOIN event_provenance p ON p.event_id = e.id WHERE p.external_id LIKE 'repair-cafe%' AND e.starts_at"
                + " BETWEEN '2030-01-27' AND '2030-02-05' ORDER BY e.starts_at"))
                .containsExactly("Repair café du lundi (déplacé au mardi) | 2030-01-29 19:00:00 | confirmed",
                        "Repair café du lundi | 2030-02-04 18:00:00 | cancelled");
        assertThat(db.value("SELECT event_type || ' ' || array_to_string(themes, ',') || ' ' || commune || ' ' || precision"
                + " || ' ' || website || ' ' || description FROM event WHERE starts_at = '2030-01-07T17:00:00Z'"))
                .isEqualTo("atelier economie_circulaire 31555 commune https://repair.example.org/ Venez réparer vos objets !");
        assertThat(db.value("SELECT status || ' ' || event_type || ' ' || precision || ' ' || commune FROM event WHERE uid = 'conference-albi@example.org'"))
                .isEqualTo("cancelled conference address 81004");
        assertThat(db.value("SELECT starts_at AT TIME ZONE 'Europe/Paris' || ' ' || commune FROM event WHERE uid = 'ludo-foix@example.org'"))
                .isEqualTo("2030-06-10 14:00:00 09122");
        String forumId = db.value("SELECT id FROM event WHERE uid = 'forum-rodez@example.org'");
        assertThat(db.value("SELECT all_day || ' ' || (starts_at AT TIME ZONE 'Europe/Paris')::date || ' ' || event_type || ' ' || commune"
                + " FROM event WHERE id = ?", Long.parseLong(forumId))).isEqualTo("true 2030-09-05 rencontre 12202");

        DirectoryImportReport second = importFile(V2);

        assertThat(second.inserted()).isZero();
        assertThat(second.updated()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(10);
        assertThat(second.noLongerSeen()).isEqualTo(1);
        assertThat(db.count("event")).isEqualTo(12);
        assertThat(db.rows("SELECT external_id FROM event_provenance GROUP BY external_id HAVING count(*) > 1")).isEmpty();
        assertThat(db.value("SELECT count(*) FROM event_provenance WHERE external_id LIKE 'repair-cafe%'")).isEqualTo("9");
        assertThat(db.value("SELECT id || ' ' || name || ' ' || (starts_at AT TIME ZONE 'Europe/Paris')::date FROM event"
                + " WHERE uid = 'forum-rodez@example.org'"))
                .isEqualTo(forumId + " Forum des associations de Rodez 2030-09-12");
        assertThat(db.value("SELECT count(*) FROM event WHERE status = 'cancelled'")).isEqualTo("2");
        assertThat(db.value("SELECT p.seen || ' ' || e.name FROM event_provenance p JOIN event e ON e.id = p.event_id"
                + " WHERE p.external_id = 'ludo-foix@example.org'")).isEqualTo("false Après-midi jeux");
        assertThat(db.rows("SELECT record_kind, format, inserted, updated FROM import_run ORDER BY id"))
                .containsExactly("event | ics | 12 | 0", "event | ics | 0 | 1");
    }

    @Test
    void aFieldAHumanApprovedIsKept() throws Exception {
        importFile(V1);
        long forum = Long.parseLong(db.value("SELECT id FROM event WHERE uid = 'forum-rodez@example.org'"));
        db.execute("UPDATE event SET name = 'Forum associatif' WHERE id = ?", forum);
        db.execute("INSERT INTO field_source (record_kind, record_id, field, value) VALUES ('event', ?, 'name', '\"Forum associatif\"')", forum);

        importFile(V2);

        assertThat(db.value("SELECT name || ' ' || (starts_at AT TIME ZONE 'Europe/Paris')::date FROM event WHERE id = ?", forum))
                .isEqualTo("Forum associatif 2030-09-12");
    }
}
