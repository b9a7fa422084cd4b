package org.atlascitoyen.mapservice.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The contact relay end to end, over HTTP, against a database of its own and a real SMTP server
 * (GreenMail): the message reaches the record's private address with Reply-To the sender, its HTML
 * escaped, the sender's copy without the recipient's address; an anonymous sender confirms first;
 * limits, honeypot and fill time; the opt-out link turns {@code contactable} off; a resource person
 * is reached through {@code person_private}. No response body and no log line holds a private address.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContactRelayIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CONFIRM = Pattern.compile("/contact-confirmer\\.html#([A-Za-z0-9_-]+)");
    private static final Pattern OPT_OUT = Pattern.compile("/relais-desactiver\\.html#([A-Za-z0-9_-]+)");
    private static final String IP_LIMIT = "40";
    private static long replyActor;
    private static long anonymousActor;
    private static long optOutActor;
    private static long silentActor;
    private static long person;
    private static long quietPerson;
    private static long initiative;

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.contact.ip-limit", () -> IP_LIMIT + "/PT1H");
    }

    @BeforeAll
    static void records() throws SQLException {
        replyActor = actor("Jardin partagé des Minimes", "secret-reply@private.example");
        anonymousActor = actor("Collectif Vélo Rose", "secret-anonymous@private.example");
        optOutActor = actor("Tiers-lieu La Grange", "secret-optout@private.example");
        silentActor = actor("Association sans adresse", null);
        person = person("Camille Relais", "secret-person@private.example", true);
        quietPerson = person("Dominique Discret", "secret-quiet@private.example", false);
        initiative = id("INSERT INTO initiative (name, name_search, status, geom, precision, commune) VALUES "
                + "('Fête des voisins', 'fete des voisins', 'en_cours', ST_SetSRID(ST_MakePoint(1.44, 43.6), 4326), 'commune', '31555') RETURNING id");
    }

    @Test
    @Order(1)
    void aSignedInSendersMessageReachesThePrivateAddressWithReplyToAndEscapedHtml(CapturedOutput output) throws Exception {
        SignIn.Session alice = SignIn.as(port, SignIn.mailbox(SMTP), "alice@example.org");
        HttpResponse<String> sent = post("/api/contact", message("actor", replyActor, "Alice",
                null, "Bonjour <script>alert('x')</script>\nÀ bientôt", null, opened()), alice);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(json(sent).path("status").asString()).isEqualTo("sent");

        MimeMessage relayed = waitForMail("secret-reply@private.example");
        assertThat(addresses(relayed.getReplyTo())).containsExactly("alice@example.org");
        assertThat(addresses(relayed.getFrom())).noneMatch(a -> a.contains("alice"));
        String html = part(relayed, "text/html");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(part(relayed, "text/plain")).contains("Bonjour <script>alert('x')</script>", "Ne plus recevoir de messages par l'Atlas");

        MimeMessage copy = waitForMail("alice@example.org", "copie");
        assertThat(SignIn.text(copy)).contains("Jardin partagé des Minimes", "alert").doesNotContain("secret-reply", "private.example");
        assertThat(addresses(copy.getReplyTo())).noneMatch(a -> a.contains("secret"));

        // The pair limit: 2 a month from one sender to one recipient.
        assertThat(post("/api/contact", message("actor", replyActor, "Alice", null, "Deuxième message", null, opened()), alice)
                .statusCode()).isEqualTo(202);
        HttpResponse<String> third = post("/api/contact", message("actor", replyActor, "Alice", null, "Troisième", null, opened()), alice);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(3600);
        assertThat(rows("SELECT count(*) FROM relay_message WHERE record_id = " + replyActor + " AND status = 'sent'")).isEqualTo(2);
        assertThat(String.join(" ", sent.body(), third.body(), serviceLog(output))).doesNotContain("secret-");
    }

    @Test
    @Order(2)
    void anAnonymousSenderConfirmsTheirAddressFirst(CapturedOutput output) throws Exception {
        HttpResponse<String> asked = post("/api/contact", message("actor", anonymousActor, "Bob", "Bob@Example.org",
                "Pouvons-nous passer samedi ?", null, opened()), null);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(json(asked).path("status").asString()).isEqualTo("unconfirmed");
        String confirmation = SignIn.text(waitForMail("bob@example.org", "confirmez"));
        assertThat(confirmation).contains("Collectif Vélo Rose").doesNotContain("secret-");
        assertThat(mailsTo("secret-anonymous@private.example")).as("nothing relayed before the confirmation").isEmpty();

        Matcher token = CONFIRM.matcher(confirmation);
        assertThat(token.find()).isTrue();
        HttpResponse<String> confirmed = post("/api/contact/confirm", "{\"token\":\"" + token.group(1) + "\"}", null);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).path("status").asString()).isEqualTo("sent");
        MimeMessage relayed = waitForMail("secret-anonymous@private.example");
        assertThat(addresses(relayed.getReplyTo())).containsExactly("bob@example.org");
        assertThat(SignIn.text(waitForMail("bob@example.org", "copie"))).doesNotContain("secret-anonymous");

        assertThat(post("/api/contact/confirm", "{\"token\":\"" + token.group(1) + "\"}", null).statusCode())
                .as("a link works once").isEqualTo(400);
        assertThat(rows("SELECT count(*) FROM relay_message WHERE record_id = " + anonymousActor
                + " AND status = 'sent' AND sender_email IS NULL AND confirmed_at IS NOT NULL")).as("the address not kept once sent").isOne();
        assertThat(String.join(" ", asked.body(), confirmed.body(), serviceLog(output))).doesNotContain("secret-");
    }

    @Test
    @Order(3)
    void theHoneypotSendsNothingAndAFormSentTooFastIsRefused() throws Exception {
        long before = rows("SELECT count(*) FROM relay_message");
        HttpResponse<String> trapped = post("/api/contact", message("actor", anonymousActor, "Robot", "robot@example.org",
                "Achetez", "https://spam.example", opened()), null);
        assertThat(trapped.statusCode()).isEqualTo(202);
        HttpResponse<String> fast = post("/api/contact", message("actor", anonymousActor, "Pressé", "fast@example.org",
                "Vite", null, Instant.now().toEpochMilli()), null);
        assertThat(fast.statusCode()).isEqualTo(400);
        assertThat(json(fast).path("parameter").asString()).isEqualTo("openedAt");
        assertThat(rows("SELECT count(*) FROM relay_message")).isEqualTo(before);
        Thread.sleep(300);
        assertThat(mailsTo("robot@example.org")).isEmpty();
    }

    @Test
    @Order(4)
    void theRecipientsLinkTurnsTheRelayOffAndContactableFalse() throws Exception {
        assertThat(json(get("/api/actors/" + optOutActor)).path("properties").path("contactable").asBoolean()).isTrue();
        SignIn.Session carol = SignIn.as(port, SignIn.mailbox(SMTP), "carol@example.org");
        assertThat(post("/api/contact", message("actor", optOutActor, "Carol", null, "Bonjour", null, opened()), carol)
                .statusCode()).isEqualTo(202);
        Matcher token = OPT_OUT.matcher(part(waitForMail("secret-optout@private.example"), "text/plain"));
        assertThat(token.find()).isTrue();

        HttpResponse<String> off = post("/api/contact/opt-out", "{\"token\":\"" + token.group(1) + "\"}", null);
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(json(off).path("name").asString()).isEqualTo("Tiers-lieu La Grange");
        assertThat(json(off).path("enabled").asBoolean(true)).isFalse();
        assertThat(json(get("/api/actors/" + optOutActor)).path("properties").path("contactable").asBoolean(true)).isFalse();
        assertThat(post("/api/contact", message("actor", optOutActor, "Carol", null, "Encore", null, opened()), carol)
                .statusCode()).isEqualTo(409);

        // Its manager turns it on again (record_owner); anyone else gets 403.
        long carolId = rows("SELECT id FROM account WHERE email = 'carol@example.org'");
        HttpResponse<String> notOwner = put("/api/contact/relay", "{\"recordKind\":\"actor\",\"recordId\":" + optOutActor + ",\"enabled\":true}", carol);
        assertThat(notOwner.statusCode()).isEqualTo(403);
        execute("INSERT INTO record_owner (record_kind, record_id, account_id) VALUES ('actor', " + optOutActor + ", " + carolId + ")");
        assertThat(put("/api/contact/relay", "{\"recordKind\":\"actor\",\"recordId\":" + optOutActor + ",\"enabled\":true}", carol).statusCode()).isEqualTo(200);
        assertThat(json(get("/api/actors/" + optOutActor)).path("properties").path("contactable").asBoolean()).isTrue();
        HttpResponse<String> mine = HTTP.send(carol.with(HttpRequest.newBuilder(uri("/api/contact/relay"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).get(0).path("name").asString()).isEqualTo("Tiers-lieu La Grange");
        assertThat(json(mine).get(0).path("enabled").asBoolean()).isTrue();
        assertThat(mine.body()).doesNotContain("secret-");
        assertThat(get("/api/contact/relay").statusCode()).isEqualTo(401);
        assertThat(get("/api/actors?format=json&limit=1000").body()).contains("\"contactable\":true").doesNotContain("secret-");
    }

    @Test
    @Order(5)
    void aResourcePersonIsReachedThroughTheirPrivateAddress(CapturedOutput output) throws Exception {
        SignIn.Session dan = SignIn.as(port, SignIn.mailbox(SMTP), "dan@example.org");
        HttpResponse<String> sent = post("/api/contact", message("person", person, "Dan", null, "Une question", null, opened()), dan);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        MimeMessage relayed = waitForMail("secret-person@private.example");
        assertThat(addresses(relayed.getReplyTo())).containsExactly("dan@example.org");
        assertThat(SignIn.text(waitForMail("dan@example.org", "copie"))).contains("Camille Relais").doesNotContain("secret-person");
        assertThat(post("/api/contact", message("person", quietPerson, "Dan", null, "Bonjour", null, opened()), dan).statusCode())
                .as("a person who turned the relay off").isEqualTo(409);
        assertThat(mailsTo("secret-quiet@private.example")).isEmpty();
        assertThat(String.join(" ", sent.body(), serviceLog(output))).doesNotContain("secret-");
    }

    @Test
    @Order(6)
    void recordsWithoutAnAddressAreNotContactable() throws Exception {
        SignIn.Session erin = SignIn.as(port, SignIn.mailbox(SMTP), "erin@example.org");
        assertThat(json(get("/api/actors/" + silentActor)).path("properties").path("contactable").asBoolean(true)).isFalse();
        HttpResponse<String> silent = post("/api/contact", message("actor", silentActor, "Erin", null, "Bonjour", null, opened()), erin);
        assertThat(silent.statusCode()).isEqualTo(409);
        assertThat(silent.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        HttpResponse<String> toInitiative = post("/api/contact", message("initiative", initiative, "Erin", null, "Bonjour", null,
                opened()), erin);
        assertThat(toInitiative.statusCode()).isEqualTo(400);
        assertThat(json(toInitiative).path("parameter").asString()).isEqualTo("recordKind");
        assertThat(post("/api/contact", message("actor", 999_999_999L, "Erin", null, "Bonjour", null, opened()), erin).statusCode())
                .isEqualTo(404);
        String tooLong = "x".repeat(5001);
        HttpResponse<String> longMessage = post("/api/contact", message("actor", replyActor, "Erin", null, tooLong, null, opened()), erin);
        assertThat(longMessage.statusCode()).isEqualTo(400);
        assertThat(json(longMessage).path("parameter").asString()).isEqualTo("message");
        HttpResponse<String> unknownMember = post("/api/contact", "{\"recordKind\":\"actor\",\"recordId\":1,\"bcc\":\"x@y.z\"}", erin);
        assertThat(unknownMember.statusCode()).isEqualTo(400);
        HttpResponse<String> noCsrf = HTTP.send(HttpRequest.newBuilder(uri("/api/contact")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
    }

    /** Last: it spends this IP's whole budget. */
    @Test
    @Order(7)
    void oneIpAddressIsLimited() throws Exception {
        int limit = Integer.parseInt(IP_LIMIT);
        int status = 0;
        int requests = 0;
        while (requests <= limit && status != 429) {
            status = post("/api/contact", message("actor", 999_999_999L, "Frank", "frank@example.org", "Bonjour", null, opened()), null)
                    .statusCode();
            requests++;
        }
        assertThat(status).as("after " + requests + " requests").isEqualTo(429);
        HttpResponse<String> valid = post("/api/contact", message("actor", anonymousActor, "Frank", "frank@example.org",
                "Bonjour", null, opened()), null);
        assertThat(valid.statusCode()).isEqualTo(429);
        assertThat(valid.headers().firstValue("Retry-After")).isPresent();
    }

    /** What the service logged: the test's own SMTP server (GreenMail) logs the addresses it receives for. */
    private static String serviceLog(CapturedOutput output) {
        return output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail")).collect(Collectors.joining("\n"));
    }

    private static String message(String kind, long id, String name, String email, String text, String url, long openedAt) {
        return "{\"recordKind\":" + quote(kind) + ",\"recordId\":" + id + ",\"senderName\":" + quote(name) + ",\"senderEmail\":"
                + quote(email) + ",\"message\":" + quote(text) + ",\"url\":" + quote(url) + ",\"openedAt\":" + openedAt + "}";
    }

    private static String quote(String value) {
        return value == null ? "null" : tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(value);
    }

    private static long opened() {
        return Instant.now().minusSeconds(30).toEpochMilli();
    }

    private HttpResponse<String> post(String path, String body, SignIn.Session session) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), session);
    }

    private HttpResponse<String> put(String path, String body, SignIn.Session session) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)), session);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, SignIn.Session session) throws Exception {
        request.header("Content-Type", "application/json");
        if (session != null) {
            session.with(request);
        } else {
            String csrf = SignIn.csrfToken(port, null);
            request.header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            if (addresses(m.getRecipients(Message.RecipientType.TO)).contains(address)) {
                found.add(m);
            }
        }
        return found;
    }

    private static MimeMessage waitForMail(String address) throws Exception {
        return waitForMail(address, "");
    }

    /** The newest mail to an address whose subject holds {@code subjectPart}, waiting up to 10 s. */
    private static MimeMessage waitForMail(String address, String subjectPart) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            List<MimeMessage> mails = mailsTo(address);
            for (int i = mails.size() - 1; i >= 0; i--) {
                if (mails.get(i).getSubject().contains(subjectPart)) {
                    return mails.get(i);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + address + " about '" + subjectPart + "'");
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress()).toList();
    }

    /** The decoded content of the first part of a MIME type. */
    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static long actor(String name, String email) throws SQLException {
        return id("INSERT INTO actor (name, name_search, type, geom, precision, commune, email) VALUES ("
                + sql(name) + ", lower(" + sql(name) + "), 'association', ST_SetSRID(ST_MakePoint(1.44, 43.6), 4326), 'commune', '31555', "
                + sql(email) + ") RETURNING id");
    }

    private static long person(String name, String email, boolean relay) throws SQLException {
        long id = id("INSERT INTO person (name, name_search, role, geom, precision, commune, relay_enabled, consented_at, confirmed_at)"
                + " VALUES (" + sql(name) + ", lower(" + sql(name) + "), 'facilitateur', ST_SetSRID(ST_MakePoint(1.44, 43.6), 4326),"
                + " 'commune', '31555', " + relay + ", now(), now()) RETURNING id");
        execute("INSERT INTO person_private (person_id, email, phone) VALUES (" + id + ", " + sql(email) + ", '0699999999')");
        return id;
    }

    private static String sql(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }

    private static long id(String sql) throws SQLException {
        return rows(sql);
    }

    private static long rows(String sql) throws SQLException {
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
