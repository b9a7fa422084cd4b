package org.atlascitoyen.mapservice.follow;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import javax.xml.parsers.DocumentBuilderFactory;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Following a territory end to end, over HTTP, against a database of its own and a real SMTP server
 * (GreenMail): an anonymous subscription to a PETR is confirmed by its mailed link (nothing else is
 * sent before), a digest lists what is new in the PETR's communes and in the themes chosen (a record
 * outside, or of another theme, is not there), a turn without news sends nothing, and the one-click
 * unsubscribe (RFC 8058) and the page's both stop later digests; the Atom feed of the territory;
 * a signed-in account's subscriptions. No response and no log line holds a subscriber's address.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FollowIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CONFIRM = Pattern.compile("/suivre\\.html#jeton=([A-Za-z0-9_-]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("/desabonner\\.html#jeton=([A-Za-z0-9_-]+)");
    private static final Pattern ONE_CLICK = Pattern.compile("<(http[^>]+/api/subscriptions/unsubscribe/([A-Za-z0-9_-]+))>");
    private static String petr;
    private static String communeIn;
    private static String communeOut;

    static {
        SMTP.start();
    }

    @Autowired
    private DigestJob digests;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.follow.weekly-cron", () -> "-");
        registry.add("atlas.follow.monthly-cron", () -> "-");
    }

    @BeforeAll
    static void territories() throws SQLException {
        petr = text("SELECT petr FROM commune WHERE petr IS NOT NULL ORDER BY code LIMIT 1");
        communeIn = text("SELECT code FROM commune WHERE petr = '" + petr + "' ORDER BY code LIMIT 1");
        communeOut = text("SELECT code FROM commune WHERE petr IS DISTINCT FROM '" + petr + "' ORDER BY code LIMIT 1");
    }

    @Test
    @Order(1)
    void anAnonymousSubscriptionToAPetrIsConfirmedThenDigestsItsNewsUntilOneClickUnsubscribes(CapturedOutput output) throws Exception {
        String body = subscription("petr:" + petr, "[\"climat\"]", "weekly", "Bob@Example.org");
        HttpResponse<String> asked = post("/api/subscriptions", body);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        HttpResponse<String> again = post("/api/subscriptions", body);
        assertThat(again.body()).as("the same answer whether the address is known or not").isEqualTo(asked.body());
        assertThat(json(asked).path("status").asString()).isEqualTo("unconfirmed");
        assertThat(digests.run(DigestJob.Frequency.WEEKLY).subscriptions()).as("nothing before the confirmation").isZero();

        MimeMessage confirmation = waitForMail("bob@example.org", "confirmez");
        assertThat(SignIn.text(confirmation)).contains("PETR");
        Matcher token = CONFIRM.matcher(SignIn.text(confirmation));
        assertThat(token.find()).isTrue();
        HttpResponse<String> confirmed = post("/api/subscriptions/confirm", "{\"token\":\"" + token.group(1) + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).path("territory").asString()).isEqualTo("petr:" + petr);
        assertThat(json(confirmed).path("status").asString()).isEqualTo("active");
        assertThat(post("/api/subscriptions/confirm", "{\"token\":\"" + token.group(1) + "\"}").statusCode())
                .as("a link works once").isEqualTo(400);
        assertThat(number("SELECT count(*) FROM subscription WHERE email = 'bob@example.org' AND status = 'active'")).isOne();
        assertThat(number("SELECT count(*) FROM subscription_consent c JOIN subscription s ON s.id = c.subscription_id"
                + " WHERE s.email = 'bob@example.org' AND s.status = 'active' AND c.wording LIKE 'J''accepte%' AND c.wording_version = '2026-12'")).isOne();

        actor("Jardin <b>climat</b> du PETR", communeIn, "climat");
        actor("Collectif climat d'ailleurs", communeOut, "climat");
        actor("Chorale du PETR", communeIn, "culture");
        execute("INSERT INTO need_offer_perimeter (need_offer_id, territory_kind, territory_code) VALUES ("
                + needOffer("Salle à prêter pour le climat", communeOut, "climat") + ", 'petr', '" + petr + "')");
        event("Fresque du climat au PETR", communeIn, "climat");
        experience("Covoiturage rural : ce qui a échoué", communeIn, "climat");

        DigestJob.Turn turn = digests.run(DigestJob.Frequency.WEEKLY);
        assertThat(turn.mailed()).isEqualTo(1);
        MimeMessage digest = waitForMail("bob@example.org", "du nouveau");
        String text = SignIn.text(digest);
        assertThat(text).contains("Jardin <b>climat</b> du PETR", "Salle à prêter pour le climat", "Fresque du climat au PETR",
                "Covoiturage rural : ce qui a échoué", "Acteurs", "Agenda", "Retours d'expérience", "/#actor=", "/#event=")
                .doesNotContain("Collectif climat d'ailleurs", "Chorale du PETR");
        assertThat(text).contains("&lt;b&gt;climat&lt;/b&gt;");
        assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        Matcher oneClick = ONE_CLICK.matcher(digest.getHeader("List-Unsubscribe")[0]);
        assertThat(oneClick.find()).isTrue();
        assertThat(UNSUBSCRIBE.matcher(text).find()).isTrue();

        assertThat(digests.run(DigestJob.Frequency.WEEKLY).mailed()).as("no news, no mail").isZero();
        Thread.sleep(300);
        assertThat(mailsTo("bob@example.org", "du nouveau")).hasSize(1);

        // A GET (a link scanner) ends nothing: it sends to the page whose button posts.
        HttpResponse<String> opened = HTTP.send(HttpRequest.newBuilder(URI.create(oneClick.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location").orElse("")).endsWith("/desabonner.html#jeton=" + oneClick.group(2));
        assertThat(number("SELECT count(*) FROM subscription WHERE email = 'bob@example.org'")).isOne();
        // RFC 8058: what a mail client posts, without cookie nor CSRF token.
        HttpResponse<String> off = HTTP.send(HttpRequest.newBuilder(URI.create(oneClick.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        actor("Nouvel acteur climat du PETR", communeIn, "climat");
        assertThat(digests.run(DigestJob.Frequency.WEEKLY).mailed()).isZero();
        Thread.sleep(300);
        assertThat(mailsTo("bob@example.org", "du nouveau")).hasSize(1);
        assertThat(number("SELECT count(*) FROM subscription WHERE email = 'bob@example.org'")).as("the address is gone").isZero();
        assertThat(number("SELECT count(*) FROM subscription_consent WHERE withdrawn_at IS NOT NULL")).isPositive();
        assertThat(String.join(" ", asked.body(), confirmed.body(), off.body(), serviceLog(output))).doesNotContainIgnoringCase("bob@");
    }

    @Test
    @Order(2)
    void theUnsubscribePageStopsLaterDigests() throws Exception {
        assertThat(post("/api/subscriptions", subscription("commune:" + communeIn, "[]", "monthly", "carol@example.org"))
                .statusCode()).isEqualTo(202);
        Matcher token = CONFIRM.matcher(SignIn.text(waitForMail("carol@example.org", "confirmez")));
        assertThat(token.find()).isTrue();
        assertThat(post("/api/subscriptions/confirm", "{\"token\":\"" + token.group(1) + "\"}").statusCode()).isEqualTo(200);
        actor("Maison des associations", communeIn, "culture");
        assertThat(digests.run(DigestJob.Frequency.WEEKLY).mailed()).as("another frequency").isZero();
        assertThat(digests.run(DigestJob.Frequency.MONTHLY).mailed()).isEqualTo(1);
        String text = SignIn.text(waitForMail("carol@example.org", "du nouveau"));
        assertThat(text).contains("Maison des associations").doesNotContain("Jardin <b>climat</b>");
        Matcher unsubscribe = UNSUBSCRIBE.matcher(text);
        assertThat(unsubscribe.find()).isTrue();

        HttpResponse<String> off = post("/api/subscriptions/unsubscribe", "{\"token\":\"" + unsubscribe.group(1) + "\"}");
        assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
        assertThat(off.body()).doesNotContain("carol@");
        assertThat(post("/api/subscriptions/unsubscribe", "{\"token\":\"" + unsubscribe.group(1) + "\"}").statusCode()).isEqualTo(400);
        actor("Encore un acteur", communeIn, "culture");
        assertThat(digests.run(DigestJob.Frequency.MONTHLY).mailed()).isZero();
        assertThat(mailsTo("carol@example.org", "du nouveau")).hasSize(1);
    }

    @Test
    @Order(3)
    void theAtomFeedListsTheTerritorysRecordsOnly() throws Exception {
        HttpResponse<String> feed = get("/api/territories/petr/" + petr + "/feed.atom");
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        assertThat(feed.headers().firstValue("Cache-Control").orElse("")).contains("max-age");
        Document atom = xml(feed.body());
        assertThat(atom.getDocumentElement().getLocalName()).isEqualTo("feed");
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(first(atom.getDocumentElement(), "title")).contains("PETR");
        List<String> titles = entryTitles(atom);
        assertThat(titles).contains("Jardin <b>climat</b> du PETR", "Chorale du PETR", "Salle à prêter pour le climat",
                "Fresque du climat au PETR", "Covoiturage rural : ce qui a échoué").doesNotContain("Collectif climat d'ailleurs");
        NodeList entries = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        Element entry = (Element) entries.item(0);
        assertThat(first(entry, "id")).startsWith("tag:");
        assertThat(first(entry, "updated")).isNotBlank();
        assertThat(((Element) entry.getElementsByTagNameNS("*", "category").item(0)).getAttribute("term")).isNotBlank();
        assertThat(((Element) entry.getElementsByTagNameNS("*", "link").item(0)).getAttribute("href")).contains("/#");
        assertThat(feed.body()).doesNotContain("@example.org").contains("&lt;b&gt;");

        assertThat(entryTitles(xml(get("/api/territories/petr/" + petr + "/feed.atom?theme=culture").body())))
                .contains("Chorale du PETR").doesNotContain("Jardin <b>climat</b> du PETR");
        String etag = feed.headers().firstValue("ETag").orElse(null);
        if (etag != null) {
            assertThat(get("/api/territories/petr/" + petr + "/feed.atom", HttpResponse.BodyHandlers.ofString(), "If-None-Match", etag)
                    .statusCode()).isEqualTo(304);
        }
        HttpResponse<String> unknown = get("/api/territories/petr/000000000/feed.atom");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        HttpResponse<String> badTheme = get("/api/territories/petr/" + petr + "/feed.atom?theme=nope");
        assertThat(badTheme.statusCode()).isEqualTo(400);
        assertThat(json(badTheme).path("parameter").asString()).isEqualTo("theme");
    }

    @Test
    @Order(4)
    void aSignedInAccountFollowsAtOnceListsAndEndsItsSubscriptions(CapturedOutput output) throws Exception {
        SignIn.Session dan = SignIn.as(port, SignIn.mailbox(SMTP), "dan@example.org");
        HttpResponse<String> taken = post("/api/subscriptions", subscription("petr:" + petr, "[\"climat\",\"culture\"]",
                "weekly", null), dan);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(202);
        assertThat(json(taken).path("status").asString()).isEqualTo("active");
        HttpResponse<String> mine = send(HttpRequest.newBuilder(uri("/api/subscriptions/mine")).GET(), dan);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json(mine).get(0).path("territory").asString()).isEqualTo("petr:" + petr);
        assertThat(mine.body()).doesNotContain("dan@");
        actor("Atelier vélo climat", communeIn, "climat");
        assertThat(digests.run(DigestJob.Frequency.WEEKLY).mailed()).isEqualTo(1);
        assertThat(SignIn.text(waitForMail("dan@example.org", "du nouveau"))).contains("Atelier vélo climat");

        long id = json(mine).get(0).path("id").asLong();
        assertThat(json(send(HttpRequest.newBuilder(uri("/api/subscriptions/" + id)).GET(), dan)).path("frequency").asString())
                .isEqualTo("weekly");
        assertThat(get("/api/subscriptions/" + id).statusCode()).isEqualTo(401);
        assertThat(send(HttpRequest.newBuilder(uri("/api/subscriptions/" + id)).DELETE(), dan).statusCode()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri("/api/subscriptions/" + id)).DELETE(), dan).statusCode()).isEqualTo(404);
        assertThat(json(send(HttpRequest.newBuilder(uri("/api/subscriptions/mine")).GET(), dan)).size()).isZero();
        assertThat(get("/api/subscriptions/mine").statusCode()).isEqualTo(401);
        assertThat(serviceLog(output)).doesNotContain("dan@example.org");
    }

    @Test
    @Order(5)
    void badSubscriptionsAreRefused() throws Exception {
        assertThat(parameter(post("/api/subscriptions", subscription("petr:" + petr, "[]", "weekly", "eve@example.org")
                .replace("\"consent\":true", "\"consent\":false")))).isEqualTo("consent");
        assertThat(parameter(post("/api/subscriptions", subscription("qpv:QN03101M", "[]", "weekly", "eve@example.org"))))
                .isEqualTo("territory");
        assertThat(parameter(post("/api/subscriptions", subscription("petr:000000000", "[]", "weekly", "eve@example.org"))))
                .isEqualTo("territory");
        assertThat(parameter(post("/api/subscriptions", subscription("petr:" + petr, "[\"nope\"]", "weekly", "eve@example.org"))))
                .isEqualTo("themes");
        assertThat(parameter(post("/api/subscriptions", subscription("petr:" + petr, "[]", "daily", "eve@example.org"))))
                .isEqualTo("frequency");
        assertThat(parameter(post("/api/subscriptions", subscription("petr:" + petr, "[]", "weekly", "not an address"))))
                .isEqualTo("email");
        assertThat(post("/api/subscriptions", "{\"territory\":\"petr:" + petr + "\",\"bcc\":\"x@y.z\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> trapped = post("/api/subscriptions", subscription("petr:" + petr, "[]", "weekly", "robot@example.org")
                .replace("\"url\":null", "\"url\":\"https://spam.example\""));
        assertThat(trapped.statusCode()).isEqualTo(202);
        HttpResponse<String> noCsrf = HTTP.send(HttpRequest.newBuilder(uri("/api/subscriptions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(subscription("petr:" + petr, "[]", "weekly", "eve@example.org"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        assertThat(post("/api/subscriptions/unsubscribe/" + "x".repeat(43), "").statusCode()).isEqualTo(400);
        Thread.sleep(300);
        assertThat(mailsTo("robot@example.org", "")).isEmpty();
        assertThat(number("SELECT count(*) FROM subscription WHERE email IN ('eve@example.org', 'robot@example.org')")).isZero();
    }

    @Test
    @Order(6)
    void anUnconfirmedSubscriptionLeavesWithItsAddressOnceItsLinkExpired() throws Exception {
        assertThat(post("/api/subscriptions", subscription("petr:" + petr, "[]", "weekly", "frank@example.org")).statusCode())
                .isEqualTo(202);
        assertThat(number("SELECT count(*) FROM subscription WHERE email = 'frank@example.org' AND status = 'unconfirmed'"
                + " AND confirm_expires_at BETWEEN now() + interval '47 hours' AND now() + interval '49 hours'")).isOne();
        assertThat(digests.expireUnconfirmed()).as("not before its time").isZero();
        execute("UPDATE subscription SET confirm_expires_at = now() - interval '1 minute' WHERE email = 'frank@example.org'");
        assertThat(digests.expireUnconfirmed()).isOne();
        assertThat(number("SELECT count(*) FROM subscription WHERE email = 'frank@example.org'")).isZero();
        Matcher token = CONFIRM.matcher(SignIn.text(waitForMail("frank@example.org", "confirmez")));
        assertThat(token.find()).isTrue();
        assertThat(post("/api/subscriptions/confirm", "{\"token\":\"" + token.group(1) + "\"}").statusCode()).isEqualTo(400);
    }

    private static String subscription(String territory, String themes, String frequency, String email) {
        return "{\"territory\":\"" + territory + "\",\"themes\":" + themes + ",\"frequency\":\"" + frequency + "\",\"email\":"
                + (email == null ? "null" : "\"" + email + "\"") + ",\"consent\":true,\"url\":null,\"openedAt\":"
                + Instant.now().minusSeconds(30).toEpochMilli() + "}";
    }

    private static String parameter(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return json(response).path("parameter").asString();
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> entryTitles(Document atom) {
        List<String> titles = new ArrayList<>();
        NodeList entries = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            titles.add(first((Element) entries.item(i), "title"));
        }
        return titles;
    }

    private static String first(Element parent, String name) {
        return parent.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
    }

    private static String serviceLog(CapturedOutput output) {
        return output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail")).collect(Collectors.joining("\n"));
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return post(path, body, null);
    }

    private HttpResponse<String> post(String path, String body, SignIn.Session session) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), session);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, SignIn.Session session) throws Exception {
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

    private static List<MimeMessage> mailsTo(String address, String subjectPart) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : SMTP.getReceivedMessages()) {
            List<String> to = Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()).toList();
            if (to.contains(address) && m.getSubject().contains(subjectPart)) {
                found.add(m);
            }
        }
        return found;
    }

    private static MimeMessage waitForMail(String address, String subjectPart) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(end)) {
            List<MimeMessage> mails = mailsTo(address, subjectPart);
            if (!mails.isEmpty()) {
                return mails.get(mails.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + address + " about '" + subjectPart + "'");
    }

    private static final String KEYS = "c.code, c.epci, c.petr, c.bassin_vie, c.departement, c.region";
    private static final String POINT = "ST_SetSRID(ST_MakePoint(1.44, 43.6), 4326)";

    private static void actor(String name, String commune, String theme) throws SQLException {
        execute("INSERT INTO actor (name, name_search, type, themes, geom, precision, commune, epci, petr, bassin_vie, departement, region)"
                + " SELECT " + sql(name) + ", lower(" + sql(name) + "), 'association', ARRAY['" + theme + "'], " + POINT + ", 'commune', "
                + KEYS + " FROM commune c WHERE c.code = '" + commune + "'");
    }

    private static long needOffer(String name, String commune, String theme) throws SQLException {
        return number("INSERT INTO need_offer (name, name_search, nature, resource, themes, geom, precision, valid_until,"
                + " commune, epci, petr, bassin_vie, departement, region) SELECT " + sql(name) + ", lower(" + sql(name)
                + "), 'offer', 'lieu', ARRAY['" + theme + "'], " + POINT + ", 'commune', current_date + 30, " + KEYS
                + " FROM commune c WHERE c.code = '" + commune + "' RETURNING id");
    }

    private static void event(String name, String commune, String theme) throws SQLException {
        execute("INSERT INTO event (name, name_search, event_type, themes, starts_at, ends_at, geom, precision,"
                + " commune, epci, petr, bassin_vie, departement, region) SELECT " + sql(name) + ", lower(" + sql(name)
                + "), 'rencontre', ARRAY['" + theme + "'], now() + interval '3 days', now() + interval '3 days 2 hours', " + POINT
                + ", 'commune', " + KEYS + " FROM commune c WHERE c.code = '" + commune + "'");
    }

    private static void experience(String name, String commune, String theme) throws SQLException {
        execute("INSERT INTO experience (name, name_search, outcome, themes, description, happened, differently, started_on, geom,"
                + " precision, commune, epci, petr, bassin_vie, departement, region) SELECT " + sql(name) + ", lower(" + sql(name)
                + "), 'echec', ARRAY['" + theme + "'], 'Un service de covoiturage', 'Peu d''inscrits', 'Partir des besoins',"
                + " current_date - 100, " + POINT + ", 'commune', " + KEYS + " FROM commune c WHERE c.code = '" + commune + "'");
    }

    private static String sql(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long number(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
