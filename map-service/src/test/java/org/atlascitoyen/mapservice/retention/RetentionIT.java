package org.atlascitoyen.mapservice.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The retention job against a database of its own and a real SMTP server: time is driven by
 * backdating rows (an account created 25 months ago, a warning sent 31 days ago...), and the job
 * is run by hand (its schedule is off here).
 */
@DirtiesContext
class RetentionIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.retention.enabled", () -> "false");
    }

    @Autowired
    RetentionJob job;

    @Test
    void anInactiveAccountIsWarnedTwiceThenDeletedAndItsContributionsStayWithoutAuthor() throws Exception {
        long old = id("INSERT INTO account (email, created_at) VALUES ('old@example.org', now() - interval '25 months') RETURNING id");
        long seen = id("INSERT INTO account (email, created_at, last_seen_at) VALUES ('seen@example.org', now() - interval '30 months', "
                + "now() - interval '3 months') RETURNING id");
        long contribution = id("INSERT INTO contribution (kind, record_kind, payload, status, author_account_id) VALUES "
                + "('new', 'actor', '{\"name\": \"Jardin\"}', 'pending', " + old + ") RETURNING id");

        RetentionJob.Turn first = job.run();
        assertThat(first.warnedFirst()).isEqualTo(1);
        assertThat(mailsTo("old@example.org")).hasSize(1);
        assertThat(mailsTo("old@example.org").get(0).getSubject()).contains("sera supprimé");
        assertThat(mailsTo("seen@example.org")).as("signed in 3 months ago").isEmpty();

        assertThat(job.run().warnedSecond()).as("not before 30 days").isZero();
        execute("UPDATE account SET inactivity_warned_at = now() - interval '31 days' WHERE id = " + old);
        assertThat(job.run().warnedSecond()).isEqualTo(1);
        assertThat(mailsTo("old@example.org")).hasSize(2);
        assertThat(mailsTo("old@example.org").get(1).getSubject()).contains("dernier rappel");

        assertThat(job.run().accountsDeleted()).as("not before 30 more days").isZero();
        execute("UPDATE account SET inactivity_second_warned_at = now() - interval '31 days' WHERE id = " + old);
        assertThat(job.run().accountsDeleted()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM account WHERE id = " + old)).isZero();
        assertThat(count("SELECT count(*) FROM account WHERE id = " + seen)).isOne();
        assertThat(count("SELECT count(*) FROM contribution WHERE id = " + contribution + " AND author_account_id IS NULL"))
                .as("the contribution stays, anonymised").isOne();
    }

    @Test
    void signingInAgainAfterAWarningStartsAfresh() throws Exception {
        long back = id("INSERT INTO account (email, created_at, inactivity_warned_at) VALUES ('back@example.org', "
                + "now() - interval '26 months', now() - interval '40 days') RETURNING id");
        execute("UPDATE account SET last_seen_at = now() WHERE id = " + back);
        job.run();
        assertThat(count("SELECT count(*) FROM account WHERE id = " + back + " AND inactivity_warned_at IS NULL")).isOne();
        assertThat(mailsTo("back@example.org")).isEmpty();
    }

    @Test
    void unconfirmedProposalsAndRelayMessagesExpireAndRelayTextsAreErasedKeepingCounts() throws Exception {
        long stale = id("INSERT INTO contribution (kind, record_kind, payload, status, author_email, created_at) VALUES "
                + "('new', 'actor', '{}', 'unconfirmed', 'anon@example.org', now() - interval '8 days') RETURNING id");
        long fresh = id("INSERT INTO contribution (kind, record_kind, payload, status, author_email) VALUES "
                + "('new', 'actor', '{}', 'unconfirmed', 'anon@example.org') RETURNING id");
        long staleRelay = id("INSERT INTO relay_message (record_kind, record_id, sender_hash, sender_email, message, status, created_at) "
                + "VALUES ('actor', 1, 'h', 'anon@example.org', 'Bonjour', 'unconfirmed', now() - interval '8 days') RETURNING id");
        long oldSent = id("INSERT INTO relay_message (record_kind, record_id, sender_hash, sender_name, message, status, created_at, sent_at) "
                + "VALUES ('actor', 2, 'h', 'Alice', 'Vieux message', 'sent', now() - interval '31 days', now() - interval '31 days') RETURNING id");
        long newSent = id("INSERT INTO relay_message (record_kind, record_id, sender_hash, sender_name, message, status, sent_at) "
                + "VALUES ('actor', 2, 'h', 'Alice', 'Message récent', 'sent', now()) RETURNING id");

        RetentionJob.Turn turn = job.run();
        assertThat(turn.contributionsExpired()).isEqualTo(1);
        assertThat(turn.relayExpired()).isEqualTo(1);
        assertThat(turn.relayErased()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM contribution WHERE id = " + stale)).isZero();
        assertThat(count("SELECT count(*) FROM contribution WHERE id = " + fresh)).isOne();
        assertThat(count("SELECT count(*) FROM relay_message WHERE id = " + staleRelay)).isZero();
        assertThat(count("SELECT count(*) FROM relay_message WHERE id = " + oldSent + " AND message IS NULL AND sender_name IS NULL"
                + " AND sender_hash IS NULL AND erased_at IS NOT NULL")).isOne();
        assertThat(count("SELECT count(*) FROM relay_message WHERE id = " + newSent + " AND message = 'Message récent'")).isOne();
        assertThat(count("SELECT count(*) FROM relay_message WHERE record_kind = 'actor' AND record_id = 2 AND status = 'sent'"))
                .as("the counts remain").isEqualTo(2);
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                found.add(m);
            }
        }
        return found;
    }

    private static long id(String sql) throws SQLException {
        return count(sql);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
