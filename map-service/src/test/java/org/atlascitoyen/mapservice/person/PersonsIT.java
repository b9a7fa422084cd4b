package org.atlascitoyen.mapservice.person;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.atlascitoyen.mapservice.moderation.Decision;
import org.atlascitoyen.mapservice.moderation.ModerationService;
import org.atlascitoyen.mapservice.moderation.Moderator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Resource persons end to end against a database of its own and a real SMTP server: a proposal
 * with consent through the HTTP API, its moderation, then the person in every public read (list,
 * detail, tile, export, OGC) without their address; the consent row as given; "who covers my
 * commune?" through commune, EPCI, PETR and département perimeters; members-only values; the
 * relay switch; the yearly re-confirmation (mail, hiding after the grace period, confirming); and
 * withdrawal.
 */
@DirtiesContext
class PersonsIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern RECONFIRM = Pattern.compile("/personne-ressource\\.html#confirmer=([A-Za-z0-9_-]+)");
    private static final String CONSENT_VERSION = "2026-12";

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.rate-limit.signin-ip", () -> "100/PT1H");
        registry.add("atlas.person.reconfirm-period-ms", () -> "86400000");
    }

    @Autowired
    PersonService persons;

    @Autowired
    ModerationService moderation;

    @Autowired
    ReconfirmationJob reconfirmation;

    /** A commune in a PETR, its EPCI, PETR and département; another EPCI of the same PETR; another département. */
    private static String commune;
    private static String otherCommuneOfEpci;
    private static String epci;
    private static String petr;
    private static String departement;
    private static String otherEpciOfPetr;
    private static String otherDepartement;
    private static long admin;

    @BeforeAll
    static void fixture() throws Exception {
        String[] row = row("SELECT c.code, c.epci, c.petr, c.departement, o.epci FROM commune c"
                + " JOIN commune o ON o.petr = c.petr AND o.epci <> c.epci AND o.departement = c.departement"
                + " WHERE c.petr IS NOT NULL AND EXISTS (SELECT FROM commune s WHERE s.epci = c.epci AND s.code <> c.code)"
                + " AND NOT EXISTS (SELECT FROM commune x WHERE x.epci = c.epci AND x.departement <> c.departement)"
                + " ORDER BY c.code LIMIT 1");
        commune = row[0];
        epci = row[1];
        petr = row[2];
        departement = row[3];
        otherEpciOfPetr = row[4];
        otherCommuneOfEpci = row("SELECT code FROM commune WHERE epci = '" + epci + "' AND code <> '" + commune + "' LIMIT 1")[0];
        otherDepartement = row("SELECT code FROM territory WHERE kind = 'departement' AND code <> '" + departement
                + "' ORDER BY code LIMIT 1")[0];
        admin = Long.parseLong(row("INSERT INTO account (email) VALUES ('admin.persons@example.org') RETURNING id")[0]);
        execute("INSERT INTO account_role (account_id, role) VALUES (" + admin + ", 'admin')");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aProposalWithConsentIsModeratedThenListedEverywhereWithoutItsAddress() throws Exception {
        String email = "anne.facilitatrice@example.org";
        SignIn.Session session = SignIn.as(port, SignIn.mailbox(SMTP), email);
        String body = """
                {"name":"Anne Exemple","role":"facilitateur","themes":["participation_citoyenne"],
                 "description":"Aide <b>les</b> collectifs à démarrer","structureName":"Maison des projets",
                 "website":"https://maison.example.org","address":"1 place de la Mairie","lon":%s,"lat":%s,
                 "perimeter":["commune:31555","epci:243100518"],
                 "visibility":{"description":"members"},
                 "consent":true,"consentVersion":"%s"}""".formatted(1.4442, 43.6045, CONSENT_VERSION);
        assertThat(post(null, "/api/persons/me", body).statusCode()).as("anonymous").isIn(401, 403);
        assertThat(post(session, "/api/persons/me", body.replace("\"consent\":true", "\"consent\":false")).statusCode())
                .as("no consent, no listing").isEqualTo(400);
        assertThat(post(session, "/api/persons/me", body.replace("{\"name\"", "{\"email\":\"x@example.org\",\"name\"")).statusCode())
                .as("an unknown member").isEqualTo(400);
        assertThat(post(session, "/api/persons/me", body.replace("Maison des projets", "x".repeat(20_000))).statusCode())
                .as("size-limited").isEqualTo(413);
        assertThat(post(session, "/api/persons/me", body.replace("epci:243100518", "epci:999999999")).statusCode())
                .as("a perimeter of real territories").isEqualTo(400);
        HttpResponse<String> proposed = post(session, "/api/persons/me", body);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        long contribution = json(proposed).get("id").asLong();
        assertThat(json(proposed).get("status").asString()).isEqualTo("pending");
        assertThat(post(session, "/api/persons/me", body).statusCode()).as("one proposal at a time").isEqualTo(409);
        assertThat(get("/api/persons?q=exemple").body()).doesNotContain("Anne");

        String[] consent = row("SELECT wording, wording_version, form, purpose, person_id FROM person_consent c"
                + " JOIN account a ON a.id = c.account_id WHERE a.email = '" + email + "'");
        assertThat(consent[0]).isEqualTo(PersonProperties.WORDING);
        assertThat(consent[1]).isEqualTo(CONSENT_VERSION);
        assertThat(consent[2]).isEqualTo(PersonService.FORM);
        assertThat(consent[3]).isEqualTo("person-listing");
        assertThat(consent[4]).as("no listing yet").isNull();

        SignIn.grantCoordinator(DATABASE, "coord.persons@example.org", "epci", "243100518");
        SignIn.Session coordinator = SignIn.as(port, SignIn.mailbox(SMTP), "coord.persons@example.org");
        assertThat(json(get(coordinator, "/api/moderation/queue")).get("items").toString()).contains("\"id\":" + contribution)
                .contains("Anne Exemple");
        JsonNode item = json(get(coordinator, "/api/moderation/items/" + contribution));
        assertThat(item.get("recordKind").asString()).isEqualTo("person");
        assertThat(item.get("diff").toString()).contains("\"field\":\"perimeter\"").contains("epci:243100518")
                .doesNotContain(email);
        HttpResponse<String> decided = post(coordinator, "/api/moderation/items/" + contribution + "/decision", "{\"decision\":\"approve\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        long id = json(decided).get("recordId").asLong();
        assertThat(row("SELECT person_id FROM person_consent c JOIN account a ON a.id = c.account_id WHERE a.email = '"
                + email + "'")[0]).isEqualTo(String.valueOf(id));
        assertThat(row("SELECT count(*) FROM record_owner WHERE record_kind = 'person' AND record_id = " + id)[0]).isEqualTo("1");
        assertThat(row("SELECT email FROM person_private WHERE person_id = " + id)[0]).isEqualTo(email);

        List<String> bodies = new ArrayList<>();
        JsonNode list = json(get("/api/persons?territory=commune:31555&format=json"));
        bodies.add(list.toString());
        assertThat(list.toString()).contains("Anne Exemple").contains("\"roleLabel\":\"Facilitateur·rice\"");
        JsonNode detail = json(get("/api/persons/" + id));
        bodies.add(detail.toString());
        JsonNode p = detail.get("properties");
        assertThat(p.get("description").isNull()).as("members-only, not public").isTrue();
        assertThat(p.has("members")).as("anonymous").isFalse();
        assertThat(p.get("relayEnabled").asBoolean()).isTrue();
        assertThat(p.get("precision").asString()).isEqualTo("address");
        assertThat(p.get("perimeter").toString()).contains("Toulouse Métropole").contains("\"kind\":\"commune\"");
        JsonNode signedIn = json(get(session, "/api/persons/" + id));
        assertThat(signedIn.get("properties").get("members").get("description").asString()).isEqualTo("Aide <b>les</b> collectifs à démarrer");
        assertThat(get(session, "/api/persons/" + id).headers().firstValue("Cache-Control").orElse("")).contains("private");

        bodies.add(new String(get(tile(14, 1.4442, 43.6045), HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8));
        assertThat(bodies.get(2)).contains("Anne Exemple");
        bodies.add(get("/api/export/persons.csv").body());
        assertThat(bodies.get(3)).contains("Anne Exemple").contains("commune:31555|epci:243100518");
        bodies.add(get("/api/export/persons.geojson").body());
        bodies.add(get("/ogc/collections/persons/items?f=json").body());
        assertThat(bodies.get(5)).contains("Anne Exemple");
        assertThat(get("/ogc/collections/persons/items?f=json&role=facilitateur").body()).contains("Anne Exemple");
        assertThat(get("/ogc/collections/persons/items?f=json&role=elu").body()).doesNotContain("Anne Exemple");
        assertThat(get("/ogc/collections/persons/queryables?f=json").body()).contains("\"role\"");
        HttpResponse<String> clusters = get("/api/persons/clusters?bbox=1,43,2,44&zoom=8");
        assertThat(clusters.statusCode()).isEqualTo(200);
        bodies.add(clusters.body());
        bodies.add(get("/api/persons/coverage?level=commune&territory=commune:31555&format=json").body());
        bodies.add(get(session, "/api/persons/me").body());
        assertThat(json(get(session, "/api/persons/me")).get("listing").get("description").asString())
                .as("the owner sees their members-only value to edit it").isEqualTo("Aide <b>les</b> collectifs à démarrer");
        assertThat(bodies).allSatisfy(b -> assertThat(b).doesNotContain(email).doesNotContain("anne.facilitatrice"));

        // The owner edits (published at once) and turns the relay off: visible as not contactable.
        HttpResponse<String> edit = post(session, "/api/persons/me", body.replace("Maison des projets", "Maison des initiatives"));
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(202);
        assertThat(json(edit).get("status").asString()).isEqualTo("approved");
        assertThat(get("/api/persons/" + id).body()).contains("Maison des initiatives");
        assertThat(post(session, "/api/persons/me/relay", "{\"enabled\":false}").statusCode()).isEqualTo(204);
        assertThat(json(get("/api/persons/" + id)).get("properties").get("relayEnabled").asBoolean()).isFalse();
        assertThat(json(get("/api/persons?format=json")).get("items").toString()).contains("\"relayEnabled\":false");

        // Withdrawal: gone, consent dated withdrawn, a suppression row.
        assertThat(delete(session, "/api/persons/me").statusCode()).isEqualTo(204);
        assertThat(get("/api/persons/" + id).statusCode()).isEqualTo(404);
        assertThat(row("SELECT count(*) FROM person_consent WHERE person_id = " + id + " AND withdrawn_at IS NULL")[0]).isEqualTo("0");
        assertThat(row("SELECT count(*) FROM person_consent WHERE person_id = " + id)[0]).isEqualTo("2");
        assertThat(row("SELECT count(*) FROM suppression WHERE record_kind = 'person' AND record_id = " + id)[0]).isEqualTo("1");
    }

    @Test
    void whoCoversMyCommuneGoesThroughThePerimetersNotThePoints() throws Exception {
        long byCommune = publish("Par la commune", List.of("commune:" + commune), otherDepartementCommune());
        long byEpci = publish("Par l'EPCI", List.of("epci:" + epci), otherDepartementCommune());
        long byPetr = publish("Par le PETR", List.of("petr:" + petr), otherDepartementCommune());
        long byDepartement = publish("Par le département", List.of("departement:" + departement), otherDepartementCommune());
        long elsewhere = publish("Ailleurs", List.of("departement:" + otherDepartement, "commune:" + otherCommuneOfEpci,
                "epci:" + otherEpciOfPetr), commune);

        assertThat(ids("/api/persons?format=json&limit=100&territory=commune:" + commune))
                .containsExactlyInAnyOrder(byCommune, byEpci, byPetr, byDepartement);
        assertThat(ids("/api/persons?format=json&limit=100&territory=epci:" + epci))
                .as("an EPCI: the perimeters inside it or containing it")
                .containsExactlyInAnyOrder(byCommune, byEpci, byPetr, byDepartement, elsewhere);
        assertThat(ids("/api/persons?format=json&limit=100&territory=epci:" + otherEpciOfPetr))
                .containsExactlyInAnyOrder(byPetr, byDepartement, elsewhere);
        assertThat(json(get("/api/persons?format=json&territory=commune:" + commune)).get("numberMatched").asLong()).isEqualTo(4);
        assertThat(ids("/api/persons?format=json&limit=100&territory=commune:" + commune + "&role=elu")).isEmpty();
        assertThat(get("/api/persons?status=idee").statusCode()).isEqualTo(400);
        assertThat(get("/api/actors?role=elu").statusCode()).isEqualTo(400);

        JsonNode coverage = json(get("/api/persons/coverage?level=commune&format=json&territory=epci:" + epci));
        assertThat(coverage.get("communes").toString()).contains("{\"code\":\"" + commune + "\"");
        for (JsonNode c : coverage.get("communes")) {
            long expected = c.get("code").asString().equals(commune) ? 4 : c.get("code").asString().equals(otherCommuneOfEpci) ? 4 : 3;
            assertThat(c.get("persons").asLong()).as(c.get("code").asString()).isEqualTo(expected);
        }
        JsonNode blank = json(get("/api/persons/coverage?level=commune&format=json&theme=culture&territory=commune:" + commune));
        assertThat(blank.get("summary").get("zonesBlanches").asLong()).isEqualTo(1);
        assertThat(get("/api/persons/coverage?level=epci").statusCode()).isEqualTo(400);
    }

    @Test
    void aPersonIsMailedEachYearHiddenAfterTheGracePeriodAndBackWhenTheyConfirm() throws Exception {
        long id = publish("À reconfirmer", List.of("commune:31555"), "31555");
        execute("UPDATE person SET confirmed_at = now() - interval '13 months' WHERE id = " + id);
        SMTP.purgeEmailFromAllMailboxes();

        assertThat(reconfirmation.run().mailed()).isEqualTo(1);
        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("reconfirmer@example.org");
        Matcher token = RECONFIRM.matcher(GreenMailUtil.getBody(mail).replaceAll("=\\r?\\n", "").replace("=3D", "="));
        assertThat(token.find()).isTrue();
        assertThat(reconfirmation.run().mailed()).as("once per period").isZero();
        assertThat(row("SELECT reconfirm_token_hash FROM person_private WHERE person_id = " + id)[0]).isNotEqualTo(token.group(1));

        execute("UPDATE person_private SET reconfirm_sent_at = now() - interval '31 days' WHERE person_id = " + id);
        assertThat(reconfirmation.run().hidden()).isEqualTo(1);
        assertThat(get("/api/persons/" + id).statusCode()).isEqualTo(404);
        assertThat(ids("/api/persons?format=json&limit=100&territory=commune:31555")).doesNotContain(id);

        HttpResponse<String> confirmed = post(null, "/api/persons/reconfirm", "{\"token\":\"" + token.group(1) + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(get("/api/persons/" + id).statusCode()).isEqualTo(200);
        assertThat(get("/api/persons/" + id).body()).contains("perimeter").contains("\"code\":\"31555\"");
        assertThat(row("SELECT count(*) FROM person_consent WHERE person_id = " + id + " AND purpose = 'reconfirmation'"
                + " AND wording_version = '" + CONSENT_VERSION + "'")[0]).isEqualTo("1");
        assertThat(post(null, "/api/persons/reconfirm", "{\"token\":\"" + token.group(1) + "\"}").statusCode())
                .as("a spent link").isEqualTo(400);
        assertThat(reconfirmation.run()).isEqualTo(new ReconfirmationJob.Turn(0, 0));
    }

    /** A person published through the services: proposed by their own account, approved by an admin. */
    private long publish(String name, List<String> perimeter, String permanenceCommune) throws Exception {
        String email = name.toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "") + "@example.org";
        long account = Long.parseLong(row("INSERT INTO account (email) VALUES ('" + email + "') RETURNING id")[0]);
        PersonRequest request = new PersonRequest(name, "referent", List.of("participation_citoyenne"), null, null, null, null,
                null, null, null, null, permanenceCommune, perimeter, Map.of(), null, true, CONSENT_VERSION);
        long contribution = persons.submit(request, account).id();
        return moderation.decide(new Moderator(admin, true, List.of()), contribution, new Decision("approve", null, null)).recordId();
    }

    private String otherDepartementCommune() throws SQLException {
        return row("SELECT code FROM commune WHERE departement = '" + otherDepartement + "' ORDER BY code LIMIT 1")[0];
    }

    private List<Long> ids(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json(response).get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    private static String tile(int zoom, double lon, double lat) {
        int n = 1 << zoom;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double rad = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2 * n);
        return "/tiles/persons/" + zoom + "/" + x + "/" + y + ".pbf";
    }

    private HttpResponse<String> get(SignIn.Session session, String path) {
        return send(session.with(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))).GET().build());
    }

    private HttpResponse<String> delete(SignIn.Session session, String path) {
        return send(session.with(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))).DELETE().build());
    }

    private HttpResponse<String> post(SignIn.Session session, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json");
        if (session == null) {
            String csrf = SignIn.csrfToken(port, null);
            request.header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf);
        } else {
            session.with(request);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] row(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            if (!rs.next()) {
                return new String[] {null};
            }
            String[] values = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getString(i + 1);
            }
            return values;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
