package org.atlascitoyen.mapservice.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole path over HTTP, with real sign-in (the accounts side's mailed links) and a real SMTP
 * server: an anonymous proposal, its confirmation mail (text and HTML, the name escaped), the
 * page's POST, the queue of the coordinator of the right EPCI (and 403 for the coordinator of
 * another), lock, approval, the record on /api/actors; every moderation endpoint answers 403 to
 * a signed-in account without a role; "Mes contributions".
 */
class ModerationApiIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TOKEN = Pattern.compile("/confirmer\\.html#([A-Za-z0-9_-]+)");
    private static final String TOULOUSE_METROPOLE = "243100518";
    /** Montpellier Méditerranée Métropole. */
    private static final String MONTPELLIER_METROPOLE = "243400017";

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

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void anAnonymousProposalGoesThroughTheRightEpcisModerationOntoTheMap() throws Exception {
        String body = "{\"kind\":\"new\",\"recordKind\":\"actor\",\"charterVersion\":\"2026-12\",\"email\":\"proposante@example.org\","
                + "\"openedAt\":" + (Instant.now().toEpochMilli() - 30_000) + ",\"fields\":{\"name\":\"Vélorution <b>Toulouse</b>\","
                + "\"type\":\"collectif_habitants\",\"themes\":[\"mobilite\"],\"lon\":1.4442,\"lat\":43.6047}}";
        HttpResponse<String> proposed = post(null, "/api/contributions", body);
        assertThat(proposed.statusCode()).isEqualTo(202);
        long id = json(proposed).get("id").asLong();

        String mail = SignIn.mailbox(SMTP).newestTo("proposante@example.org").orElseThrow();
        assertThat(mail).contains("text/html").contains("Vélorution &lt;b&gt;Toulouse&lt;/b&gt;");
        Matcher token = TOKEN.matcher(mail);
        assertThat(token.find()).isTrue();
        assertThat(post(null, "/api/contributions/confirm", "{\"token\":\"" + token.group(1) + "\"}").statusCode()).isEqualTo(200);
        assertThat(post(null, "/api/contributions/confirm", "{\"token\":\"" + token.group(1) + "\"}").statusCode())
                .as("a spent token is refused").isEqualTo(400);

        SignIn.grantCoordinator(DATABASE, "coord.toulouse@example.org", "epci", TOULOUSE_METROPOLE);
        SignIn.grantCoordinator(DATABASE, "coord.montpellier@example.org", "epci", MONTPELLIER_METROPOLE);
        SignIn.Session toulouse = SignIn.as(port, SignIn.mailbox(SMTP), "coord.toulouse@example.org");
        SignIn.Session montpellier = SignIn.as(port, SignIn.mailbox(SMTP), "coord.montpellier@example.org");

        assertThat(json(get(toulouse, "/api/moderation/queue")).get("items").toString()).contains("\"id\":" + id);
        assertThat(json(get(montpellier, "/api/moderation/queue")).get("items").toString()).doesNotContain("\"id\":" + id);
        assertThat(get(montpellier, "/api/moderation/items/" + id).statusCode()).isEqualTo(403);
        assertThat(post(montpellier, "/api/moderation/items/" + id + "/lock", "").statusCode()).isEqualTo(403);
        assertThat(post(montpellier, "/api/moderation/items/" + id + "/decision", "{\"decision\":\"approve\"}").statusCode())
                .isEqualTo(403);

        JsonNode item = json(get(toulouse, "/api/moderation/items/" + id));
        assertThat(item.get("diff").toString()).contains("\"field\":\"name\"").contains("\"proposed\":\"Vélorution <b>Toulouse</b>\"");
        assertThat(item.toString()).doesNotContain("proposante");
        assertThat(post(toulouse, "/api/moderation/items/" + id + "/lock", "").statusCode()).isEqualTo(200);
        HttpResponse<String> decided = post(toulouse, "/api/moderation/items/" + id + "/decision",
                "{\"decision\":\"approve\",\"fields\":{\"name\":\"Vélorution Toulouse\"}}");
        assertThat(decided.statusCode()).isEqualTo(200);
        long recordId = json(decided).get("recordId").asLong();
        assertThat(get(null, "/api/actors/" + recordId).body()).contains("Vélorution Toulouse").doesNotContain("proposante");
        assertThat(get(null, "/api/actors?q=velorution").body()).contains("Vélorution Toulouse");
    }

    @Test
    void everyModerationEndpointAnswers403ToASignedInAccountWithoutARole() throws Exception {
        SignIn.Session member = SignIn.as(port, SignIn.mailbox(SMTP), "simple.membre@example.org");
        assertThat(get(member, "/api/moderation/queue").statusCode()).isEqualTo(403);
        assertThat(get(member, "/api/moderation/items/1").statusCode()).isEqualTo(403);
        assertThat(post(member, "/api/moderation/items/1/lock", "").statusCode()).isEqualTo(403);
        assertThat(post(member, "/api/moderation/items/1/decision", "{\"decision\":\"approve\"}").statusCode()).isEqualTo(403);

        HttpResponse<String> report = post(member, "/api/contributions", "{\"kind\":\"new\",\"recordKind\":\"initiative\","
                + "\"charterVersion\":\"2026-12\",\"fields\":{\"name\":\"Jardin des Izards\",\"status\":\"en_cours\",\"commune\":\"31555\"}}");
        assertThat(report.statusCode()).isEqualTo(202);
        assertThat(json(report).get("status").asString()).as("signed in: straight to the queue").isEqualTo("pending");
        JsonNode mine = json(get(member, "/api/contributions/mine"));
        assertThat(mine.toString()).contains("Jardin des Izards").contains("pending").doesNotContain("simple.membre");
    }

    private HttpResponse<String> get(SignIn.Session session, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return send((session == null ? request : session.with(request)).GET().build());
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
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
