package org.atlascitoyen.mapservice.rights;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The rights of the people listed, end to end over HTTP, against a database of its own with an
 * imported directory and a real SMTP server (GreenMail): a request verified by its mail link
 * (replayed or forged tokens refused), in the queue of the right coordinator only, erasures (an
 * association's contacts, an élue's whole record, a resource person's rows) that a re-import of
 * the same file does not undo, a correction that a re-import keeps, an overdue request listed
 * first and mailed once to the admins, the personal data download, account deletion, limits and
 * hostile bodies.
 *
 * <p>Its database is its own: {@code @DirtiesContext} closes the context after the class.
 */
@DirtiesContext
class RightsRequestIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TOKEN = Pattern.compile("/mes-droits\\.html#confirmer=([A-Za-z0-9_-]+)");
    private static final String TOULOUSE_METROPOLE = "243100518";
    private static final String SOURCE = "rights-test";
    private static final String ADMIN = "admins@example.org";

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.rate-limit.signin-ip", () -> "200/PT1H");
        registry.add("atlas.rate-limit.rights-ip", () -> "200/PT1H");
        registry.add("atlas.admin-emails", () -> ADMIN);
    }

    @Autowired
    RightsEscalationJob escalation;

    private static String millauEpci;

    @BeforeAll
    static void fixture() throws Exception {
        importDirectory();
        millauEpci = text("SELECT epci FROM commune WHERE code = '12145'");
        SignIn.grantCoordinator(DATABASE, "coord.toulouse@example.org", "epci", TOULOUSE_METROPOLE);
        SignIn.grantCoordinator(DATABASE, "coord.millau@example.org", "epci", millauEpci);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @BeforeEach
    void emptyMailbox() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
    }

    @Test
    void anErasureConfirmedByLinkRemovesTheContactsForGoodAndOnlyTheRightCoordinatorSeesIt() throws Exception {
        long actor = actorId("Association Les Amis du Canal");
        HttpResponse<String> asked = post(null, "/api/rights-requests", anonymous("erase", "actor", actor, "demandeur@example.org",
                "\"message\":\"Le téléphone est le mien <b>personnel</b>\""));
        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(json(asked).get("message").asString()).isEqualTo(RightsRequestReceived.SAME.message());
        long id = Long.parseLong(text("SELECT max(id) FROM rights_request WHERE record_id = " + actor));

        SignIn.Session toulouse = session("coord.toulouse@example.org");
        SignIn.Session millau = session("coord.millau@example.org");
        assertThat(queue(toulouse).toString()).as("unconfirmed: nobody sees it").doesNotContain("\"id\":" + id + ",");

        String mail = mailTo("demandeur@example.org");
        assertThat(mail).contains("text/html").contains("Association Les Amis du Canal").doesNotContain("amis@canal");
        String token = token(mail);
        assertThat(post(null, "/api/rights-requests/confirm", "{\"token\":\"" + token.substring(1) + "x\"}").statusCode())
                .as("a forged token").isEqualTo(400);
        HttpResponse<String> confirmed = post(null, "/api/rights-requests/confirm", "{\"token\":\"" + token + "\"}");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(confirmed).get("dueAt").asString()).isNotBlank();
        assertThat(post(null, "/api/rights-requests/confirm", "{\"token\":\"" + token + "\"}").statusCode())
                .as("a spent token").isEqualTo(400);

        JsonNode mine = item(queue(toulouse), id);
        assertThat(mine).isNotNull();
        assertThat(mine.get("daysLeft").asLong()).isBetween(27L, 31L);
        assertThat(mine.get("overdue").asBoolean()).isFalse();
        assertThat(mine.toString()).doesNotContain("demandeur@").doesNotContain("amis@canal");
        assertThat(item(queue(millau), id)).as("another territory's coordinator").isNull();
        assertThat(post(millau, "/api/moderation/rights-requests/" + id + "/decision", "{\"decision\":\"erase\"}").statusCode())
                .isEqualTo(403);

        HttpResponse<String> decided = post(toulouse, "/api/moderation/rights-requests/" + id + "/decision", "{\"decision\":\"erase\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(json(decided).get("outcome").asString()).isEqualTo("erased");
        assertThat(post(toulouse, "/api/moderation/rights-requests/" + id + "/decision", "{\"decision\":\"erase\"}").statusCode())
                .as("decided already").isEqualTo(409);

        assertThat(text("SELECT coalesce(email, '-') || ' ' || coalesce(phone, '-') FROM actor WHERE id = " + actor)).isEqualTo("- -");
        String audit = text("SELECT string_agg(action || ' ' || coalesce(reason, '') || ' ' || details::text, ' | ') FROM audit_entry"
                + " WHERE record_kind = 'actor' AND record_id = " + actor);
        assertThat(audit).contains("erased").contains("\"rightsRequest\": " + id).doesNotContain("canal.example").doesNotContain("05 11");
        assertThat(get("/api/actors/" + actor + "/history").body())
                .contains("données personnelles effacées à la demande de la personne concernée").doesNotContain("@");
        assertThat(mailTo("demandeur@example.org")).contains("effacées");

        importDirectory();
        assertThat(text("SELECT coalesce(email, '-') || ' ' || coalesce(phone, '-') FROM actor WHERE id = " + actor))
                .as("a re-import of the same file").isEqualTo("- -");
        assertThat(text("SELECT name FROM actor WHERE id = " + actor)).isEqualTo("Association Les Amis du Canal");
    }

    @Test
    void anElueErasedFromTheRecordsOwnAddressIsDeletedAndSuppressedAndNoImportBringsHerBack() throws Exception {
        long actor = actorId("Marie Dupont");
        String commune = text("SELECT commune FROM actor WHERE id = " + actor);
        SignIn.Session requester = session("un.proche@example.org");
        SMTP.purgeEmailFromAllMailboxes();
        HttpResponse<String> asked = post(requester, "/api/rights-requests",
                "{\"kind\":\"erase\",\"recordKind\":\"actor\",\"recordId\":" + actor + ",\"sendToRecord\":true}");
        assertThat(asked.statusCode()).isEqualTo(202);
        assertThat(json(asked).get("message").asString()).isEqualTo(RightsRequestReceived.SAME.message());
        String mail = mailTo("marie.dupont@example.org");
        assertThat(received("un.proche@example.org")).as("the link goes to the record's own address only").isZero();
        assertThat(post(null, "/api/rights-requests/confirm", "{\"token\":\"" + token(mail) + "\"}").statusCode()).isEqualTo(200);
        long id = Long.parseLong(text("SELECT max(id) FROM rights_request WHERE record_id = " + actor));
        assertThat(text("SELECT verified_by FROM rights_request WHERE id = " + id)).isEqualTo("record");

        SignIn.Session toulouse = session("coord.toulouse@example.org");
        assertThat(post(toulouse, "/api/moderation/rights-requests/" + id + "/decision", "{\"decision\":\"erase\"}").statusCode())
                .isEqualTo(200);
        assertThat(text("SELECT count(*) FROM actor WHERE id = " + actor)).isEqualTo("0");
        assertThat(get("/api/actors/" + actor).statusCode()).isEqualTo(404);
        assertThat(text("SELECT string_agg(reason || ':' || coalesce(source || ':' || external_id, name_search || '@' || commune), ','"
                + " ORDER BY id) FROM suppression WHERE record_kind = 'actor' AND record_id = " + actor))
                .isEqualTo("erased:" + SOURCE + ":R2,erased:marie dupont@" + commune);
        assertThat(text("SELECT string_agg(action || details::text || coalesce(reason, ''), ' ') FROM audit_entry WHERE record_id = " + actor
                + " AND record_kind = 'actor'")).contains("erased").doesNotContainIgnoringCase("marie").doesNotContain("06 22");
        assertThat(text("SELECT coalesce(record_name, '-') FROM rights_request WHERE id = " + id)).isEqualTo("-");
        assertThat(get("/api/actors/" + actor + "/history").body()).contains("données personnelles effacées").doesNotContain("Marie");

        importDirectory();
        assertThat(text("SELECT count(*) FROM actor WHERE name = 'Marie Dupont' OR email = 'marie.dupont@example.org'"))
                .as("the same file imported again").isEqualTo("0");
    }

    @Test
    void aResourcePersonAskingFromTheirAccountNeedsNoLinkAndTheirErasureRemovesEveryRow() throws Exception {
        SignIn.Session self = session("jeanne@example.org");
        long account = Long.parseLong(text("SELECT id FROM account WHERE email = 'jeanne@example.org'"));
        long person = person("Jeanne Facilitatrice", account, "jeanne.privee@example.org");
        SMTP.purgeEmailFromAllMailboxes();
        assertThat(post(self, "/api/rights-requests", "{\"kind\":\"erase\",\"recordKind\":\"person\",\"recordId\":" + person
                + ",\"message\":\"Je ne suis plus facilitatrice\"}").statusCode()).isEqualTo(202);
        long id = Long.parseLong(text("SELECT max(id) FROM rights_request WHERE record_kind = 'person' AND record_id = " + person));
        assertThat(text("SELECT status || ' ' || verified_by FROM rights_request WHERE id = " + id)).isEqualTo("open owner");
        assertThat(SMTP.getReceivedMessages()).as("no link for the record's own account").isEmpty();

        SignIn.Session admin = session(ADMIN);
        assertThat(item(queue(admin), id)).isNotNull();
        assertThat(post(admin, "/api/moderation/rights-requests/" + id + "/decision", "{\"decision\":\"erase\"}").statusCode())
                .isEqualTo(200);
        assertThat(text("SELECT (SELECT count(*) FROM person WHERE id = " + person + ") || ' ' || (SELECT count(*) FROM person_private"
                + " WHERE person_id = " + person + ") || ' ' || (SELECT count(*) FROM person_member WHERE person_id = " + person + ")"))
                .isEqualTo("0 0 0");
        assertThat(text("SELECT count(*) FROM person_consent WHERE withdrawn_at IS NOT NULL AND person_id IS NULL AND account_id IS NULL"
                + " AND wording = 'J''accepte d''être listée'")).isEqualTo("1");
        assertThat(text("SELECT reason || ':' || name_search FROM suppression WHERE record_kind = 'person' AND record_id = " + person))
                .isEqualTo("erased:jeanne facilitatrice");
        assertThat(text("SELECT count(*) FROM audit_entry WHERE action = 'erased' AND record_kind = 'person' AND record_id = " + person))
                .isEqualTo("1");
    }

    @Test
    void aGrantedCorrectionIsAModeratorsChangeThatAReimportKeeps() throws Exception {
        long actor = actorId("Collectif Vélo Minimes");
        assertThat(post(null, "/api/rights-requests", anonymous("correct", "actor", actor, "velo@example.org",
                "\"corrections\":{\"name\":\"Collectif Vélo des Minimes\",\"description\":\"Atelier vélo participatif\"}"))
                .statusCode()).isEqualTo(202);
        assertThat(post(null, "/api/rights-requests/confirm", "{\"token\":\"" + token(mailTo("velo@example.org")) + "\"}").statusCode())
                .isEqualTo(200);
        long id = Long.parseLong(text("SELECT max(id) FROM rights_request WHERE record_id = " + actor));
        SignIn.Session toulouse = session("coord.toulouse@example.org");
        assertThat(item(queue(toulouse), id).get("corrections").get("name").asString()).isEqualTo("Collectif Vélo des Minimes");
        HttpResponse<String> decided = post(toulouse, "/api/moderation/rights-requests/" + id + "/decision", "{\"decision\":\"correct\"}");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(text("SELECT name || ' / ' || description FROM actor WHERE id = " + actor))
                .isEqualTo("Collectif Vélo des Minimes / Atelier vélo participatif");
        assertThat(text("SELECT string_agg(field, ',' ORDER BY field) FROM field_source WHERE record_id = " + actor
                + " AND contribution_id IS NOT NULL")).isEqualTo("description,name");
        assertThat(mailTo("velo@example.org")).contains("corrigée");

        importDirectory();
        assertThat(text("SELECT name FROM actor WHERE id = " + actor)).as("a re-import keeps the correction")
                .isEqualTo("Collectif Vélo des Minimes");
    }

    @Test
    void anOverdueRequestIsListedFirstAndMailedToTheAdminsOnce() throws Exception {
        long actor = actorId("Foyer rural de Millau");
        long later = openRequest(actor, "20 days");
        long overdue = openRequest(actor, "-2 days");
        SignIn.Session millau = session("coord.millau@example.org");
        JsonNode items = queue(millau);
        assertThat(items.get(0).get("id").asLong()).isEqualTo(overdue);
        assertThat(items.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(items.get(0).get("daysLeft").asLong()).isEqualTo(-2L);
        assertThat(item(items, later).get("overdue").asBoolean()).isFalse();

        SignIn.grantAdmin(DATABASE, "admin.compte@example.org");
        SMTP.purgeEmailFromAllMailboxes();
        assertThat(escalation.run()).isEqualTo(1);
        assertThat(escalation.run()).as("once per request").isZero();
        assertThat(received(ADMIN)).as("ATLAS_ADMIN_EMAILS").isEqualTo(1);
        assertThat(received("admin.compte@example.org")).as("an account with the admin role").isEqualTo(1);
        assertThat(mailTo(ADMIN)).contains("La demande n°" + overdue + " ").contains("devait recevoir une réponse")
                .contains("http://localhost:" + port + "/moderation.html");
        assertThat(item(queue(millau), overdue).get("escalated").isNull()).isFalse();

        SMTP.purgeEmailFromAllMailboxes();
        assertThat(post(millau, "/api/moderation/rights-requests/" + later + "/decision",
                "{\"decision\":\"refuse\",\"reason\":\"<i>Donnée publique</i> de l'association\"}").statusCode()).isEqualTo(200);
        assertThat(mailTo("x@example.org")).contains("n'a pas été acceptée").contains("&lt;i&gt;Donnée publique&lt;/i&gt;");
        assertThat(item(queue(millau), later)).isNull();
    }

    @Test
    void theDataDownloadHoldsMyOwnDataAndNothingOfAnotherAccount() throws Exception {
        SignIn.Session me = session("moi@example.org");
        session("autre@example.org");
        long mine = Long.parseLong(text("SELECT id FROM account WHERE email = 'moi@example.org'"));
        long other = Long.parseLong(text("SELECT id FROM account WHERE email = 'autre@example.org'"));
        execute("INSERT INTO contribution (kind, record_kind, payload, status, author_account_id) VALUES"
                + " ('new', 'actor', '{\"name\": \"Ma proposition\"}', 'pending', " + mine + "),"
                + " ('new', 'actor', '{\"name\": \"Secret de l''autre\"}', 'pending', " + other + ")");
        person("Moi Référente", mine, "moi.prive@example.org");
        person("Autre Référent", other, "autre.prive@example.org");
        // territories followed: from the account, by its address without an account, and another's
        long followed = Long.parseLong(text("INSERT INTO subscription (territory_kind, territory_code, themes, frequency, account_id,"
                + " status, confirmed_at) VALUES ('epci', '" + TOULOUSE_METROPOLE + "', '{climat}', 'weekly', " + mine
                + ", 'active', now()) RETURNING id"));
        execute("INSERT INTO subscription_consent (subscription_id, account_id, wording_version, wording, form) VALUES ("
                + followed + ", " + mine + ", '2026-11', 'Je veux recevoir les nouvelles de ce territoire', 'suivre.html')");
        execute("INSERT INTO subscription (territory_kind, territory_code, frequency, email, status, confirmed_at) VALUES"
                + " ('departement', '12', 'monthly', 'Moi@Example.org', 'active', now()),"
                + " ('departement', '81', 'monthly', 'autre@example.org', 'active', now())");
        // a need posted from the account, whose answers the relay sends to an address
        execute("INSERT INTO need_offer (name, name_search, nature, resource, themes, description, author_name, geom, precision,"
                + " valid_until) VALUES ('Cherche un local', 'cherche un local', 'need', 'lieu', '{culture}', 'Pour répéter',"
                + " 'Moi', ST_SetSRID(ST_MakePoint(1.44, 43.6), 4326), 'commune', current_date + 30)");
        execute("INSERT INTO need_offer_private (need_offer_id, account_id, email) SELECT id, " + mine
                + ", 'relais.moi@example.org' FROM need_offer WHERE name = 'Cherche un local'");

        assertThat(get("/api/account/data").statusCode()).isEqualTo(401);
        HttpResponse<String> data = get(me, "/api/account/data");
        assertThat(data.statusCode()).isEqualTo(200);
        assertThat(data.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        JsonNode body = json(data);
        assertThat(body.get("account").get("email").asString()).isEqualTo("moi@example.org");
        assertThat(body.get("contributions").toString()).contains("Ma proposition");
        assertThat(body.get("resourcePersons").get(0).get("privateValues").get("email").asString()).isEqualTo("moi.prive@example.org");
        assertThat(body.get("resourcePersons").get(0).get("consents").toString()).contains("J'accepte d'être listée");
        assertThat(data.body()).doesNotContain("autre@example.org").doesNotContain("Secret de l").doesNotContain("autre.prive")
                .doesNotContain("Autre Référent");
        assertThat(body.get("subscriptions").values().stream().map(f -> f.get("territoryKind").asString() + ":"
                + f.get("territoryCode").asString() + " " + f.get("frequency").asString() + " " + f.get("byAddress").asBoolean())
                .toList()).containsExactly("epci:" + TOULOUSE_METROPOLE + " weekly false", "departement:12 monthly true");
        assertThat(body.get("subscriptions").get(0).get("consents").get(0).get("wording").asString())
                .isEqualTo("Je veux recevoir les nouvelles de ce territoire");
        assertThat(body.get("subscriptions").toString()).doesNotContain("token");
        assertThat(body.get("announcements").get(0).get("announcement").get("name").asString()).isEqualTo("Cherche un local");
        assertThat(body.get("announcements").get(0).get("relayEmail").asString()).isEqualTo("relais.moi@example.org");
    }

    @Test
    void deletingMyAccountKeepsMyContributionsWithoutAuthor() throws Exception {
        SignIn.Session leaving = session("partant@example.org");
        long account = Long.parseLong(text("SELECT id FROM account WHERE email = 'partant@example.org'"));
        long signed = Long.parseLong(text("INSERT INTO contribution (kind, record_kind, payload, status, author_account_id) VALUES"
                + " ('new', 'actor', '{\"name\": \"Proposée connectée\"}', 'pending', " + account + ") RETURNING id"));
        long anonymous = Long.parseLong(text("INSERT INTO contribution (kind, record_kind, payload, status, author_email) VALUES"
                + " ('new', 'actor', '{\"name\": \"Proposée anonymement\"}', 'pending', 'partant@example.org') RETURNING id"));
        long byAddress = Long.parseLong(text("INSERT INTO subscription (territory_kind, territory_code, frequency, email, status,"
                + " confirmed_at) VALUES ('departement', '12', 'monthly', 'partant@example.org', 'active', now()) RETURNING id"));
        execute("INSERT INTO subscription_consent (subscription_id, wording_version, wording, form) VALUES (" + byAddress
                + ", '2026-11', 'Je veux recevoir les nouvelles de ce territoire', 'suivre.html')");
        HttpResponse<String> deleted = send(leaving.with(HttpRequest.newBuilder(uri("/api/account"))).DELETE().build());
        assertThat(deleted.statusCode()).isEqualTo(204);
        // what the address follows without the account goes too; the consent stays as proof, withdrawn
        assertThat(text("SELECT count(*) FROM subscription WHERE email = 'partant@example.org'")).isEqualTo("0");
        assertThat(text("SELECT count(*) FROM subscription_consent WHERE subscription_id = " + byAddress
                + " AND withdrawn_at IS NOT NULL")).isEqualTo("1");
        assertThat(text("SELECT count(*) FROM account WHERE email = 'partant@example.org'")).isEqualTo("0");
        assertThat(text("SELECT count(*) || ' ' || count(author_account_id) || ' ' || count(author_email) FROM contribution"
                + " WHERE id IN (" + signed + ", " + anonymous + ")")).isEqualTo("2 0 0");
    }

    @Test
    void hostileBodiesAre400sTrapsTellNothingAndLimitsAre429() throws Exception {
        long actor = actorId("Foyer rural de Millau");
        String count = "SELECT count(*) FROM rights_request";
        String before = text(count);
        assertThat(post(null, "/api/rights-requests", anonymous("erase", "actor", actor, "robot@example.org", "\"url\":\"http://spam\""))
                .statusCode()).as("the honeypot").isEqualTo(202);
        assertThat(post(null, "/api/rights-requests", anonymous("erase", "actor", 999_999_999L, "x@example.org", null)).statusCode())
                .as("no such record: the same answer").isEqualTo(202);
        assertThat(text(count)).isEqualTo(before);

        for (String body : new String[] {
                anonymous("delete", "actor", actor, "x@example.org", null),
                anonymous("erase", "user", actor, "x@example.org", null),
                anonymous("erase", "actor", actor, "pas une adresse", null),
                anonymous("erase", "actor", actor, "x@example.org", "\"message\":\"a\\u0000b\""),
                anonymous("erase", "actor", actor, "x@example.org", "\"unknown\":1"),
                anonymous("erase", "actor", actor, "x@example.org", "\"corrections\":{\"name\":\"X\"}"),
                anonymous("correct", "actor", actor, "x@example.org", "\"corrections\":{\"website\":\"javascript:alert(1)\"}"),
                anonymous("erase", "actor", actor, "x@example.org", "\"message\":\"" + "x".repeat(4001) + "\""),
                "{\"kind\":\"erase\",\"recordKind\":\"actor\",\"recordId\":\"abc\",\"email\":\"x@example.org\"}",
                "{\"kind\":\"erase\",\"recordKind\":\"actor\",\"recordId\":" + actor + ",\"email\":\"x@example.org\",\"openedAt\":"
                        + Instant.now().toEpochMilli() + "}",
                "[]", "null", "{"}) {
            HttpResponse<String> answer = post(null, "/api/rights-requests", body);
            assertThat(answer.statusCode()).as(body.length() > 200 ? body.substring(0, 200) : body).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        }
        assertThat(post(null, "/api/rights-requests", "{\"message\":\"" + "x".repeat(20_000) + "\"}").statusCode()).isEqualTo(413);
        assertThat(send(HttpRequest.newBuilder(uri("/api/rights-requests")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(anonymous("erase", "actor", actor, "x@example.org", null))).build())
                .statusCode()).as("without the CSRF token").isEqualTo(403);
        assertThat(get("/api/moderation/rights-requests").statusCode()).isEqualTo(401);
        SignIn.Session member = session("simple.membre@example.org");
        assertThat(get(member, "/api/moderation/rights-requests").statusCode()).isEqualTo(403);
        assertThat(post(member, "/api/moderation/rights-requests/1/decision", "{\"decision\":\"erase\"}").statusCode()).isEqualTo(403);
        assertThat(get(member, "/api/moderation/rights-requests?limit=0").statusCode()).isEqualTo(403);

        // 3 links an hour to one address (atlas.rate-limit.rights-email): the fourth request is refused.
        int[] statuses = new int[4];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = post(null, "/api/rights-requests", anonymous("object", "actor", actor, "insistant@example.org", null)).statusCode();
        }
        assertThat(statuses).containsExactly(202, 202, 202, 429);
    }

    // --- helpers ---

    private static String anonymous(String kind, String recordKind, long id, String email, String more) {
        return "{\"kind\":\"" + kind + "\",\"recordKind\":\"" + recordKind + "\",\"recordId\":" + id + ",\"email\":\"" + email + "\","
                + "\"openedAt\":" + (Instant.now().toEpochMilli() - 30_000) + (more == null ? "" : "," + more) + "}";
    }

    private long openRequest(long actor, String dueIn) throws SQLException {
        return Long.parseLong(text("INSERT INTO rights_request (kind, record_kind, record_id, record_name, status, requester_email,"
                + " verified_by, commune, epci, departement, region, confirmed_at, due_at)"
                + " SELECT 'object', 'actor', a.id, a.name, 'open', 'x@example.org', 'requester', a.commune, a.epci, a.departement,"
                + " a.region, now() - interval '1 month', now() + interval '" + dueIn + "' - interval '1 hour' FROM actor a WHERE a.id = "
                + actor + " RETURNING id"));
    }

    /** A resource person listed with consent, as the persons' form would store one (V17's tables). */
    private static long person(String name, long account, String privateEmail) throws SQLException {
        long id = Long.parseLong(text("INSERT INTO person (name, name_search, role, geom, precision, commune, epci, petr, bassin_vie,"
                + " departement, region, consented_at, confirmed_at) SELECT '" + name + "', atlas_normalize('" + name + "'), 'facilitateur',"
                + " ST_SetSRID(ST_MakePoint(1.444, 43.604), 4326), 'commune', c.code, c.epci, c.petr, c.bassin_vie, c.departement,"
                + " c.region, now(), now() FROM commune c WHERE c.code = '31555' RETURNING id"));
        execute("INSERT INTO person_private (person_id, email, phone, account_id) VALUES (" + id + ", '" + privateEmail
                + "', '06 12 34 56 78', " + account + ")");
        execute("INSERT INTO person_member (person_id, description) VALUES (" + id + ", 'Permanence le mardi')");
        execute("INSERT INTO person_perimeter VALUES (" + id + ", 'epci', '" + TOULOUSE_METROPOLE + "')");
        execute("INSERT INTO person_consent (person_id, account_id, purpose, wording_version, wording, form) VALUES (" + id + ", "
                + account + ", 'person-listing', '2026-12', 'J''accepte d''être listée', '/personne.html')");
        return id;
    }

    private static void importDirectory() throws Exception {
        Path csv = Path.of(RightsRequestIT.class.getResource("/rights/actors.csv").toURI());
        new DirectoryImport(DATABASE, Progress.Factory.silent()).run(new ImportRequest(RecordKind.ACTOR, SOURCE,
                ImportRequest.Format.CSV, csv, csv.resolveSibling("actors.mapping.yaml"), false, false,
                csv.resolveSibling("actors.rejects.csv")));
    }

    private SignIn.Session session(String email) throws Exception {
        return SignIn.as(port, SignIn.mailbox(SMTP), email);
    }

    private JsonNode queue(SignIn.Session session) {
        HttpResponse<String> answer = get(session, "/api/moderation/rights-requests");
        assertThat(answer.statusCode()).isEqualTo(200);
        return json(answer).get("items");
    }

    private static JsonNode item(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        return null;
    }

    /** The newest mail to an address (waiting for it a little). */
    private static String mailTo(String email) throws Exception {
        for (int i = 0; i < 100; i++) {
            var mail = SignIn.mailbox(SMTP).newestTo(email);
            if (mail.isPresent()) {
                return mail.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + email);
    }

    /** How many distinct mails were sent to an address (GreenMail keeps one copy per recipient of a mail). */
    private static long received(String email) throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            if (Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equalsIgnoreCase(email))) {
                ids.add(mail.getMessageID());
            }
        }
        return ids.size();
    }

    private static String token(String mail) {
        Matcher matcher = TOKEN.matcher(mail);
        assertThat(matcher.find()).as("a verification link").isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(SignIn.Session session, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        return send((session == null ? request : session.with(request)).GET().build());
    }

    private HttpResponse<String> post(SignIn.Session session, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        if (session == null) {
            String csrf = SignIn.csrfToken(port, null);
            request.header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf);
        } else {
            session.with(request);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long actorId(String name) throws SQLException {
        return Long.parseLong(text("SELECT id FROM actor WHERE name = '" + name.replace("'", "''") + "'"));
    }

    private static String text(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DATABASE.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
