package org.atlascitoyen.mapservice.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.schedule.ScheduledRun;
import org.atlascitoyen.importers.testing.FixtureServer;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.mail.Mailer;
import org.atlascitoyen.mapservice.mail.OutboxMailer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Without an SMTP server (no spring.mail.host), the admins' mail about a failed scheduled import
 * is an .eml file in the outbox, readable as text ({@code ./atlas mail show 1}).
 */
class ScheduledImportOutboxIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final FixtureServer SOURCES = new FixtureServer();
    private static final Path OUTBOX = tempDirectory();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("atlas.admin-emails", () -> "admin@example.org");
        registry.add("atlas.mail.outbox", OUTBOX::toString);
        registry.add("atlas.schedule.initial-delay", () -> "PT1H");
    }

    @Autowired
    ScheduledImportJob job;

    @Autowired
    Mailer mailer;

    @AfterAll
    static void stopServer() {
        SOURCES.close();
    }

    @Test
    void aFailureIsWrittenToTheOutboxAsAnEmlFile() throws Exception {
        URI missing = SOURCES.url("/introuvable.csv");
        ScheduledSourcesFixture.schedule(DATABASE, "annuaire-introuvable", missing);

        List<ScheduledRun> runs = job.runDue().orElseThrow();

        assertThat(mailer).isInstanceOf(OutboxMailer.class);
        assertThat(runs).extracting(ScheduledRun::status).containsExactly("failed");
        List<Path> files;
        try (Stream<Path> listed = Files.list(OUTBOX)) {
            files = listed.toList();
        }
        assertThat(files).hasSize(1).allMatch(f -> f.getFileName().toString().endsWith(".eml"));
        String eml = Files.readString(files.get(0), StandardCharsets.UTF_8);
        assertThat(eml).contains("To: admin@example.org",
                "Subject: [Atlas Citoyen] Échec de l'import planifié « annuaire-introuvable »",
                "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit",
                "L'import planifié de la source « annuaire-introuvable » a échoué le ",
                "Erreur : Cannot download " + missing + ": the server answered 404 (not found).");
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("atlas-outbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
