package org.atlascitoyen.mapservice.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.atlascitoyen.mapservice.moderation.Decision;
import org.atlascitoyen.mapservice.moderation.ModerationService;
import org.atlascitoyen.mapservice.moderation.Moderator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event proposed through {@code POST /api/events} by a signed-in person: refused signed out,
 * with an unknown member or a bad date; accepted into the moderation queue; once approved, in the
 * list with its local time read in Europe/Paris, its organiser, and in the calendar feed.
 */
@DirtiesContext
class EventProposalIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.rate-limit.signin-ip", () -> "100/PT1H");
    }

    @Autowired
    ModerationService moderation;

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aProposedEventIsModeratedThenListedAndInTheFeed() throws Exception {
        long admin = Long.parseLong(value("INSERT INTO account (email) VALUES ('admin.events@example.org') RETURNING id"));
        execute("INSERT INTO account_role (account_id, role) VALUES (" + admin + ", 'admin')");
        long actor = Long.parseLong(value("INSERT INTO actor (name, name_search, type, geom, precision, commune, epci, departement, region)"
                + " SELECT 'Collectif Agenda', 'collectif agenda', 'association', ST_SetSRID(ST_MakePoint(1.4442, 43.6045), 4326),"
                + " 'address', code, epci, departement, region FROM commune WHERE code = '31555' RETURNING id"));
        SignIn.Session session = SignIn.as(port, SignIn.mailbox(SMTP), "camille.agenda@example.org");
        String body = """
                {"name":"Atelier vélo, réparations; entraide","eventType":"atelier","themes":["mobilite"],
                 "description":"Venez avec <b>votre</b> vélo","startsAt":"2027-05-15T10:00","endsAt":"2027-05-15T12:30",
                 "commune":"31555","placeName":"Maison de quartier","organisers":[%d]}""".formatted(actor);

        assertThat(post(null, body).statusCode()).as("signed out").isIn(401, 403);
        assertThat(post(session, body.replace("{\"name\"", "{\"email\":\"x@example.org\",\"name\"")).statusCode())
                .as("an unknown member").isEqualTo(400);
        assertThat(post(session, body.replace("2027-05-15T10:00", "demain")).statusCode()).as("a bad date").isEqualTo(400);
        assertThat(post(session, body.replace("\"atelier\"", "\"<script>\"")).statusCode()).as("a bad type").isEqualTo(400);
        assertThat(post(session, body.replace("\"commune\":\"31555\",", "")).statusCode()).as("no place").isEqualTo(400);
        HttpResponse<String> proposed = post(session, body);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        assertThat(json(proposed).get("status").asString()).isEqualTo("pending");
        long contribution = json(proposed).get("id").asLong();
        assertThat(value("SELECT record_kind || ' ' || kind || ' ' || status || ' ' || epci FROM contribution WHERE id = " + contribution))
                .isEqualTo("event new pending 243100518");
        assertThat(json(get("/api/events?format=json")).path("items")).isEmpty();

        long id = moderation.decide(new Moderator(admin, true, List.of()), contribution, new Decision("approve", null, null)).recordId();

        var item = json(get("/api/events/" + id));
        assertThat(item.toString()).contains("2027-05-15T08:00:00Z").contains("Maison de quartier");
        assertThat(value("SELECT actor_id FROM event_organiser WHERE event_id = " + id)).isEqualTo(Long.toString(actor));
        String feed = get("/api/events.ics?organiser=" + actor + "&from=2027-05-01").body();
        assertThat(feed).contains("SUMMARY:Atelier vélo\\, réparations\\; entraide").contains("DTSTART:20270515T080000Z")
                .contains("UID:event-" + id + "@atlas-citoyen.local");
    }

    private HttpResponse<String> post(SignIn.Session session, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/events"))
                .header("Content-Type", "application/json");
        if (session == null) {
            String csrf = SignIn.csrfToken(port, null);
            request.header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf);
        } else {
            session.with(request);
        }
        return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String value(String sql) throws Exception {
        try (Connection c = DATABASE.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DATABASE.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
