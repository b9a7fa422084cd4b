package org.atlascitoyen.mapservice.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.schedule.ScheduledRun;
import org.atlascitoyen.importers.testing.FixtureServer;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service re-imports the due scheduled sources from an in-process HTTP server, as the owner
 * role while it reads as the reader; one turn at a time across instances; a failure is recorded
 * and mailed to the admins through SMTP (GreenMail, in the test's process).
 */
class ScheduledImportIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final FixtureServer SOURCES = new FixtureServer();
    private static final Path WORK = tempDirectory();
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.admin-emails", () -> "admin.un@example.org, admin.deux@example.org");
        registry.add("atlas.schedule.initial-delay", () -> "PT1H"); // the tests run the turns themselves
        registry.add("atlas.schedule.work-directory", WORK::toString);
    }

    @Autowired
    ScheduledImportJob job;

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("atlas-schedule-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopServers() {
        SOURCES.close();
        SMTP.stop();
    }

    @Test
    void aDueSourceIsImportedByTheJobAndServed() throws Exception {
        ScheduledSourcesFixture.schedule(DATABASE, "annuaire-planifie",
                SOURCES.serve("/annuaire.csv", ScheduledSourcesFixture.actorsCsv(), "a1"));

        List<ScheduledRun> runs = job.runDue().orElseThrow();

        assertThat(runs).extracting(run -> run.source().name(), ScheduledRun::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("annuaire-planifie", "succeeded"));
        assertThat(runs.get(0).message()).startsWith("added 4, changed 0, no longer seen 0");
        JsonNode actors = json(get("/api/actors?format=json"));
        assertThat(actors.path("items").valueStream().map(a -> a.path("name").asString()))
                .contains("Tiers-lieu La Fabrique", "CPIE du Rouergue");
        assertThat(value("SELECT last_status || ' ' || (next_due - last_run_at) FROM scheduled_source"
                + " WHERE name = 'annuaire-planifie'")).isEqualTo("succeeded 01:00:00");
        assertThat(job.runDue().orElseThrow()).as("not due again before an hour").isEmpty();
    }

    @Test
    void twoInstancesAtOnceRunATurnOnlyOnce() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        ScheduledSourcesFixture.schedule(DATABASE, "annuaire-lent",
                SOURCES.serve("/lent.csv", ScheduledSourcesFixture.otherActorsCsv(), "l1", gate));

        // Two turns at once, as two instances' jobs would start them: the one that takes the lock
        // waits for the download, which the server holds back until the other has given up.
        CompletableFuture<Optional<List<ScheduledRun>>> first = CompletableFuture.supplyAsync(job::runDue);
        CompletableFuture<Optional<List<ScheduledRun>>> second = CompletableFuture.supplyAsync(job::runDue);
        CompletableFuture.anyOf(first, second).get(30, TimeUnit.SECONDS);
        Optional<List<ScheduledRun>> skipped = (first.isDone() ? first : second).get();
        gate.countDown();
        List<Optional<List<ScheduledRun>>> both = List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));

        assertThat(skipped).as("the turn that could not take the lock").isEmpty();
        assertThat(both).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(both.stream().flatMap(Optional::stream).flatMap(List::stream))
                .extracting(run -> run.source().name() + " " + run.status()).containsExactly("annuaire-lent succeeded");
        assertThat(SOURCES.requests()).filteredOn(r -> r.path().equals("/lent.csv")).hasSize(1);
    }

    @Test
    void aFailingUrlIsRecordedAndMailedToTheAdminsOnce() throws Exception {
        URI missing = SOURCES.url("/disparu.csv");
        ScheduledSourcesFixture.schedule(DATABASE, "annuaire-disparu", missing);

        List<ScheduledRun> runs = job.runDue().orElseThrow();

        assertThat(runs).extracting(ScheduledRun::status).containsExactly("failed");
        assertThat(value("SELECT last_status || ': ' || last_message FROM scheduled_source WHERE name = 'annuaire-disparu'"))
                .isEqualTo("failed: Cannot download " + missing + ": the server answered 404 (not found).");
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2); // one message, one copy per recipient
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[Atlas Citoyen] Échec de l'import planifié « annuaire-disparu »");
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactly("admin.un@example.org", "admin.deux@example.org");
        String text = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(text).contains("L'import planifié de la source « annuaire-disparu » a échoué le ",
                "Adresse : " + missing, "Erreur : Cannot download " + missing + ": the server answered 404 (not found).",
                "Les données publiées n'ont pas changé", "./atlas import schedule run annuaire-disparu");
        assertThat(mail.getContentType()).startsWith("text/plain");
    }

    private static String value(String sql) throws Exception {
        try (Connection c = DATABASE.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
