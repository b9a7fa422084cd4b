package org.atlascitoyen.mapservice.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.schedule.ScheduledRun;
import org.atlascitoyen.importers.schedule.ScheduledSource;
import org.junit.jupiter.api.Test;

/** The admins' mail about a failed scheduled import: French, plain text, the source's words kept as text. */
class FailureMailTest {

    @Test
    void saysWhatFailedWhenAndWhatToDoWithTheErrorAsPlainText() {
        ScheduledSource source = new ScheduledSource("reseau-tiers-lieux", RecordKind.INITIATIVE, ImportRequest.Format.GEOJSON,
                URI.create("https://carte.example.org/export.geojson"), null, null, false, Duration.ofHours(6),
                null, null, null, null, null);
        ScheduledRun run = new ScheduledRun(source, Instant.parse("2026-12-06T09:15:00Z"), ScheduledRun.FAILED,
                "bad <b>file</b>\u001b[31m\nsecond line", null);

        FailureMail mail = FailureMail.of(run, Instant.parse("2026-12-06T15:15:00Z"));

        assertThat(mail.subject()).isEqualTo("[Atlas Citoyen] Échec de l'import planifié « reseau-tiers-lieux »");
        assertThat(mail.text()).contains(
                "L'import planifié de la source « reseau-tiers-lieux » a échoué le 6 décembre 2026 à 10h15 (heure de Paris).",
                "Adresse : https://carte.example.org/export.geojson",
                "Contenu : initiatives, format geojson",
                "Erreur : bad <b>file</b> [31m\n  second line",
                "Prochain essai : 6 décembre 2026 à 16h15.",
                "./atlas import schedule run reseau-tiers-lieux",
                "-- \nAtlas Citoyen");
        assertThat(mail.text()).doesNotContain("\u001b");
    }
}
