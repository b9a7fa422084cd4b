package org.atlascitoyen.mapservice.experience;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
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
 * The bank of experiences end to end against a database of its own: a signed-in proposal through
 * the HTTP API, its moderation, then the experience in the list, detail and export; a failure
 * and a success both listed without any outcome filter; the kinds of territory; "expériences
 * comparables" in their order; and the lessons learned of imported initiatives kept as
 * experiences (created, split, removed with their lessons or their initiative, never a proposed one).
 */
@DirtiesContext
class ExperiencesIT extends WebIT {

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

    private static long admin;

    @BeforeAll
    static void fixture() throws Exception {
        admin = Long.parseLong(row("INSERT INTO account (email) VALUES ('admin.experiences@example.org') RETURNING id")[0]);
        execute("INSERT INTO account_role (account_id, role) VALUES (" + admin + ", 'admin')");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private static final String FAILURE = """
            {"name":"Épicerie <b>bénévole</b> du bourg","description":"Rouvrir une épicerie tenue par des bénévoles.",
             "themes":["alimentation","solidarites"],"commune":"32208","carriedBy":"Le Panier (fictif)",
             "startedOn":"2021-03-01","endedOn":"2023-06-30","happened":"Les bénévoles se sont épuisés.",
             "differently":"Prévoir un poste salarié dès le départ.","outcome":"echec",
             "evidenceLinks":["https://example.org/bilan?a=1,2"],"publicReached":"150 foyers","charterVersion":"2026-12"}""";

    private static final String SUCCESS = """
            {"name":"Jardins au pied des immeubles","description":"Des parcelles cultivées par les habitants.",
             "themes":["alimentation"],"territory":"qpv:QN03405M","carriedBy":"Amicale des locataires",
             "startedOn":"2022-03-15","happened":"Vingt parcelles cultivées.","differently":"Installer l'eau d'abord.",
             "outcome":"reussi","charterVersion":"2026-12"}""";

    @Test
    void aProposalIsModeratedThenListedAndFailuresSitBesideSuccesses() throws Exception {
        SignIn.Session session = SignIn.as(port, SignIn.mailbox(SMTP), "camille.retex@example.org");
        assertThat(post(null, "/api/experiences", FAILURE).statusCode()).as("anonymous").isIn(401, 403);
        assertThat(status(post(session, "/api/experiences", FAILURE.replace("\"echec\"", "\"excellent\"")))).as("no rating")
                .isEqualTo("400 outcome");
        assertThat(status(post(session, "/api/experiences", FAILURE.replace("https://example.org/bilan?a=1,2", "javascript:alert(1)"))))
                .isEqualTo("400 evidenceLinks");
        assertThat(status(post(session, "/api/experiences", FAILURE.replace("\"Prévoir un poste salarié dès le départ.\"", "\" \""))))
                .as("what we would do differently is required").isEqualTo("400 differently");
        assertThat(status(post(session, "/api/experiences", FAILURE.replace("\"carriedBy\":\"Le Panier (fictif)\",", ""))))
                .as("by whom is required").isEqualTo("400 carriedBy");
        assertThat(status(post(session, "/api/experiences", FAILURE.replace("\"commune\":\"32208\"", "\"territory\":\"epci:999999999\""))))
                .isEqualTo("400 territory");
        assertThat(status(post(session, "/api/experiences", FAILURE.replace("{\"name\"", "{\"rating\":5,\"name\""))))
                .as("an unknown member").startsWith("400");
        assertThat(status(post(session, "/api/experiences", FAILURE.replace("\"carriedBy\":\"Le Panier (fictif)\"", "\"actorIds\":[987654]"))))
                .isEqualTo("400 actorIds");
        assertThat(post(session, "/api/experiences", FAILURE.replace("150 foyers", "x".repeat(40_000))).statusCode()).isEqualTo(413);

        HttpResponse<String> proposed = post(session, "/api/experiences", FAILURE);
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        assertThat(json(proposed).get("status").asString()).isEqualTo("pending");
        long contribution = json(proposed).get("id").asLong();
        assertThat(get("/api/experiences?format=json").body()).as("not before a moderator approves").doesNotContain("Épicerie");

        SignIn.Session moderator = SignIn.as(port, SignIn.mailbox(SMTP), "admin.experiences@example.org");
        JsonNode item = json(get(moderator, "/api/moderation/items/" + contribution));
        assertThat(item.get("recordKind").asString()).isEqualTo("experience");
        assertThat(item.get("diff").toString()).contains("\"field\":\"differently\"").contains("Prévoir un poste salarié");
        HttpResponse<String> decided = post(moderator, "/api/moderation/items/" + contribution + "/decision", "{\"decision\":\"approve\"}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        long failure = json(decided).get("recordId").asLong();
        long success = approve(post(session, "/api/experiences", SUCCESS));

        JsonNode detail = json(get("/api/experiences/" + failure)).get("properties");
        assertThat(detail.get("name").asString()).isEqualTo("Épicerie <b>bénévole</b> du bourg");
        assertThat(detail.get("outcomeLabel").asString()).isEqualTo("Échec");
        assertThat(detail.get("differently").asString()).isEqualTo("Prévoir un poste salarié dès le départ.");
        assertThat(detail.get("evidenceLinks").toString()).contains("https://example.org/bilan?a=1,2");
        assertThat(detail.get("endedOn").asString()).isEqualTo("2023-06-30");
        assertThat(row("SELECT count(*) FROM record_owner WHERE record_kind = 'experience' AND record_id = " + failure)[0]).isEqualTo("1");
        JsonNode garden = json(get("/api/experiences/" + success)).get("properties");
        assertThat(garden.get("precision").asString()).isEqualTo("territory");
        assertThat(garden.get("territoryKind").asString() + ":" + garden.get("territoryCode").asString()).isEqualTo("qpv:QN03405M");
        assertThat(garden.get("territories").toString()).contains("34172").contains("Montpellier");

        // No outcome filter, no order by outcome: the failure and the success are both listed.
        String list = get("/api/experiences?format=json").body();
        assertThat(list).contains("\"id\":" + failure).contains("\"id\":" + success).contains("\"outcome\":\"echec\"")
                .contains("\"outcome\":\"reussi\"");
        assertThat(get("/api/export/experiences.csv").body()).contains("Épicerie").contains("Jardins au pied des immeubles");
        assertThat(get("/api/experiences?outcome=echec&format=json").body()).contains("Épicerie").doesNotContain("Jardins");

        // Kinds of territory: Lectoure is a rural bassin de vie and EPCI; the garden is in a QPV of Montpellier.
        assertThat(ids("/api/experiences?territoryType=qpv&format=json")).contains(success).doesNotContain(failure);
        assertThat(ids("/api/experiences?territoryType=bassin_vie_rural&format=json")).contains(failure).doesNotContain(success);
        assertThat(ids("/api/experiences?territoryType=epci_urbain&format=json")).contains(success).doesNotContain(failure);
        assertThat(ids("/api/experiences?territoryType=epci_rural,qpv&format=json")).contains(success, failure);
        assertThat(get("/api/export/experiences.csv?territoryType=qpv").body()).contains("Jardins").doesNotContain("Épicerie");
        assertThat(json(get("/api/experiences/clusters?bbox=3.7,43.5,4,43.7&zoom=12&territoryType=qpv")).get("numberMatched").asLong())
                .isPositive();
        assertThat(json(get("/api/experiences/clusters?bbox=3.7,43.5,4,43.7&zoom=12&territoryType=bassin_vie_rural"))
                .get("numberMatched").asLong()).isZero();
        assertThat(get("/tiles/experiences/14/8369/5984.pbf?territoryType=qpv,pnr", HttpResponse.BodyHandlers.ofByteArray())
                .statusCode()).isIn(200, 204);
        assertThat(status(get("/api/experiences?territoryType=rural"))).isEqualTo("400 territoryType");
        assertThat(status(get("/api/actors?territoryType=qpv"))).as("experiences only").isEqualTo("400 territoryType");
    }

    @Test
    void comparableExperiencesShareAThemeAndAKindOfTerritoryMostSharedThemesFirstThenNearest() throws Exception {
        long reference = insert("Festival des jeunes (référence)", "reussi", "culture,jeunesse", "32208");
        long nearBoth = insert("Scène ouverte abandonnée", "echec", "jeunesse,culture", "32233");
        long farBoth = insert("Atelier théâtre des collégiens", "reussi", "culture,jeunesse", "34142");
        long nearOne = insert("Cinéma itinérant", "mitige", "culture", "65258");
        long urban = insert("Festival urbain", "reussi", "culture,jeunesse", "81004");
        long otherTheme = insert("Club de sport", "reussi", "sport", "46102");

        JsonNode items = json(get("/api/experiences/" + reference + "/comparable")).get("items");
        List<Long> order = new ArrayList<>();
        items.values().forEach(i -> order.add(i.get("id").asLong()));
        assertThat(order).as("two shared themes before one, then the nearest; failures included")
                .containsExactly(nearBoth, farBoth, nearOne).doesNotContain(urban, otherTheme, reference);
        JsonNode first = items.get(0);
        assertThat(first.get("outcome").asString()).isEqualTo("echec");
        assertThat(first.get("outcomeLabel").asString()).isEqualTo("Échec");
        assertThat(first.get("communeName").asString()).isEqualTo("Marciac");
        assertThat(first.get("territoryType").asString()).isEqualTo("bassin_vie_rural");
        assertThat(first.get("territoryTypeLabel").asString()).isEqualTo("Bassin de vie rural");
        assertThat(first.get("sharedThemes").toString()).isEqualTo("[\"culture\",\"jeunesse\"]");
        assertThat(items.get(2).get("sharedThemes").toString()).isEqualTo("[\"culture\"]");

        assertThat(json(get("/api/experiences/" + reference + "/comparable?limit=1")).get("items").size()).isEqualTo(1);
        assertThat(json(get("/api/experiences/" + urban + "/comparable")).get("items").size()).as("no other urban one").isZero();
        assertThat(status(get("/api/experiences/" + reference + "/comparable?limit=31"))).isEqualTo("400 limit");
        HttpResponse<String> unknown = get("/api/experiences/99999999/comparable");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }

    @Test
    void theLessonsLearnedOfImportedInitiativesAreExperiencesKeptInStep() throws Exception {
        Path csv = Path.of(ExperiencesIT.class.getResource("/experience/initiatives-with-lessons.csv").toURI());
        new DirectoryImport(DATABASE, Progress.Factory.silent()).run(new ImportRequest(RecordKind.INITIATIVE, "retex-test",
                ImportRequest.Format.CSV, csv, csv.resolveSibling("initiatives-with-lessons.mapping.yaml"), false, false,
                csv.resolveSibling("initiatives-with-lessons.rejects.csv")));
        long market = Long.parseLong(row("SELECT id FROM initiative WHERE name = 'Marché de producteurs du jeudi'")[0]);
        long compost = Long.parseLong(row("SELECT id FROM initiative WHERE name = 'Compost partagé du square'")[0]);

        JsonNode list = json(get("/api/experiences?q=producteurs&format=json")).get("items");
        assertThat(list.size()).isEqualTo(1);
        JsonNode lessons = json(get("/api/experiences/" + list.get(0).get("id").asLong())).get("properties");
        assertThat(lessons.get("outcome").asString()).as("an abandoned initiative").isEqualTo("abandonne");
        assertThat(lessons.get("startedOn").asString()).isEqualTo("2021-04-01");
        assertThat(lessons.get("happened").asString()).isEqualTo("Le marché a attiré du monde l'été. L'hiver, trois producteurs seulement venaient.");
        assertThat(lessons.get("differently").asString())
                .isEqualTo("Il aurait fallu commencer au printemps avec un engagement écrit des producteurs.");
        assertThat(lessons.get("initiative").toString()).contains("\"id\":" + market);
        String compostLessons = row("SELECT happened || ' | ' || differently || ' | ' || outcome FROM experience WHERE initiative_id = "
                + compost)[0];
        assertThat(compostLessons).isEqualTo("Deux composteurs sur trois fonctionnent encore. | Il faut un référent qui habite à côté. | non_precise");
        assertThat(row("SELECT count(*) FROM experience e JOIN initiative i ON i.id = e.initiative_id WHERE i.name = 'Atelier vélo'")[0])
                .as("no lessons, no experience").isEqualTo("0");

        // A proposed experience naming the same initiative is another record, which outlives it.
        long proposed = approve(post(SignIn.as(port, SignIn.mailbox(SMTP), "dominique.retex@example.org"), "/api/experiences",
                SUCCESS.replace("Jardins au pied des immeubles", "Marché d'hiver, deuxième essai")
                        .replace("\"outcome\":\"reussi\"", "\"outcome\":\"mitige\",\"initiativeId\":" + market)));

        execute("UPDATE initiative SET lessons_learned = 'Un seul enseignement.' WHERE id = " + market);
        assertThat(row("SELECT happened || ' | ' || differently FROM experience WHERE origin = 'lessons' AND initiative_id = " + market)[0])
                .as("changed with its initiative").isEqualTo("Un seul enseignement. | Un seul enseignement.");
        execute("UPDATE initiative SET lessons_learned = '  ' WHERE id = " + compost);
        assertThat(row("SELECT count(*) FROM experience WHERE initiative_id = " + compost)[0]).as("lessons blanked").isEqualTo("0");
        execute("DELETE FROM initiative WHERE id = " + market);
        assertThat(row("SELECT count(*) FROM experience WHERE origin = 'lessons'")[0]).as("initiative removed").isEqualTo("0");
        assertThat(get("/api/experiences/" + proposed).statusCode()).as("the proposed one stays").isEqualTo(200);
        assertThat(get("/api/experiences?q=producteurs&format=json").body()).doesNotContain("Marché de producteurs");
    }

    /** Approves a 202 proposal as the admin; the experience's id. */
    private long approve(HttpResponse<String> proposed) {
        assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(202);
        return moderation.decide(new Moderator(admin, true, List.of()), json(proposed).get("id").asLong(),
                new Decision("approve", null, null)).recordId();
    }

    /** An experience at a commune's point, as the demo places them. */
    private static long insert(String name, String outcome, String themes, String commune) throws SQLException {
        return Long.parseLong(row("INSERT INTO experience (origin, name, name_search, outcome, themes, description, happened,"
                + " differently, carried_by, started_on, geom, precision, commune, epci, petr, bassin_vie, departement, region)"
                + " SELECT 'demo', '" + name.replace("'", "''") + "', atlas_normalize('" + name.replace("'", "''") + "'), '" + outcome
                + "', string_to_array('" + themes + "', ','), 'Essai', 'Ce qui s''est passé', 'Ce que l''on ferait autrement',"
                + " 'Collectif', DATE '2020-01-01', t.label_point, 'commune', c.code, c.epci, c.petr, c.bassin_vie, c.departement,"
                + " c.region FROM commune c JOIN territory t ON t.kind = 'commune' AND t.code = c.code WHERE c.code = '" + commune
                + "' RETURNING id")[0]);
    }

    private List<Long> ids(String path) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        json(response).get("items").values().forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    /** "STATUS parameter" of a problem, or the status alone. */
    private static String status(HttpResponse<String> response) {
        if (response.statusCode() < 400) {
            return String.valueOf(response.statusCode());
        }
        JsonNode problem = json(response);
        return response.statusCode() + (problem.has("parameter") ? " " + problem.get("parameter").asString() : "");
    }

    private HttpResponse<String> get(SignIn.Session session, String path) {
        return send(session.with(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))).GET().build());
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
