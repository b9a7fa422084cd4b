package org.atlascitoyen.mapservice.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.account.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The write endpoints over HTTP: hostile bodies are 4xx problems naming what is wrong, never a
 * 500; the honeypot and the fill time; every moderation endpoint refuses an anonymous caller
 * (401), CSRF, rate limits. Its own database: it writes contributions.
 */
class ContributionApiIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("atlas.mail.outbox", () -> System.getProperty("java.io.tmpdir") + "/atlas-contribution-api-it");
        // The hostile bodies below come from one address: room for them, but reports stay at 3.
        registry.add("atlas.rate-limit.contribution-ip", () -> "1000/PT1H");
        registry.add("atlas.rate-limit.report-ip", () -> "3/PT1H");
    }

    private static String validNew(String extra) {
        return "{\"kind\":\"new\",\"recordKind\":\"actor\",\"charterVersion\":\"2026-12\",\"email\":\"a@example.org\","
                + "\"openedAt\":" + (Instant.now().toEpochMilli() - 60_000) + "," + "\"fields\":{\"name\":\"Atelier vélo\","
                + "\"type\":\"association\",\"commune\":\"31555\"" + extra + "}}";
    }

    @Test
    void aValidAnonymousProposalIsAcceptedUnconfirmed() {
        HttpResponse<String> response = post("/api/contributions", validNew(""));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("status").asString()).isEqualTo("unconfirmed");
        assertThat(get("/api/actors?q=atelier").body()).doesNotContain("Atelier vélo");
    }

    @Test
    void hostileBodiesAreClearProblemsNeverServerErrors() {
        List<String> bodies = List.of(
                "", "null", "[]", "\"text\"", "{", "{\"kind\":\"new\"} trailing", "{\"kind\":1}",
                validNew(",\"unknown\":true"),
                validNew(",\"themes\":\"climat\""),
                validNew(",\"themes\":[\"pas-un-theme\"]"),
                validNew(",\"lon\":\"1.44\",\"lat\":43.6"),
                validNew(",\"lon\":1e309,\"lat\":43.6"),
                validNew(",\"description\":\"nul \\u0000 ici\""),
                validNew(",\"description\":\"bidi \\u202e\""),
                validNew(",\"website\":\"javascript:alert(1)\""),
                validNew(",\"startDate\":\"2026-01-01\""),
                validNew(",\"postcode\":\"<b>31000</b>\""),
                validNew(",\"address\":\"" + "x".repeat(301) + "\""),
                validNew("").replace("\"kind\":\"new\"", "\"kind\":\"new\",\"kind\":\"change\""),
                validNew("").replace("2026-12", "2019-01"),
                validNew("").replace("\"commune\":\"31555\"", "\"commune\":\"75056\""),
                validNew("").replace("\"commune\":\"31555\"", "\"lon\":2.35,\"lat\":48.85"),
                validNew("").replace("\"recordKind\":\"actor\"", "\"recordKind\":\"event\""),
                "{\"kind\":\"report\",\"recordKind\":\"actor\",\"recordId\":\"1; DROP TABLE actor\",\"charterVersion\":\"2026-12\"}",
                "{\"kind\":\"report\",\"recordKind\":\"actor\",\"recordId\":1,\"reason\":\"boring\",\"charterVersion\":\"2026-12\"}");
        for (String body : bodies) {
            HttpResponse<String> response = post("/api/contributions", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(body).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        HttpResponse<String> html = post("/api/contributions", validNew("").replace("Atelier vélo", "<img src=x onerror=alert(1)>"));
        assertThat(html.statusCode()).as("HTML in a name is text, kept as text").isEqualTo(202);
    }

    @Test
    void aTooLargeBodyIs413AndAWrongContentTypeIs415() {
        String big = validNew(",\"description\":\"" + "x".repeat(70_000) + "\"");
        assertThat(post("/api/contributions", big).statusCode()).isEqualTo(413);
        String csrf = csrf();
        HttpResponse<String> text = send(HttpRequest.newBuilder(uri("/api/contributions")).header("Content-Type", "text/plain")
                .header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(validNew(""))).build());
        assertThat(text.statusCode()).isEqualTo(415);
    }

    @Test
    void theHoneypotIsAcceptedAndDroppedAndAFormSentTooFastIsRefused() {
        HttpResponse<String> trapped = post("/api/contributions", validNew("").replace("\"email\"", "\"url\":\"http://spam\",\"email\""));
        assertThat(trapped.statusCode()).isEqualTo(202);
        assertThat(json(trapped).get("id").asLong()).isZero();
        String fast = validNew("").replaceAll("\"openedAt\":[0-9]+", "\"openedAt\":" + Instant.now().toEpochMilli());
        HttpResponse<String> tooFast = post("/api/contributions", fast);
        assertThat(tooFast.statusCode()).isEqualTo(400);
        assertThat(json(tooFast).get("parameter").asString()).isEqualTo("openedAt");
    }

    @Test
    void aForgedOrReplayedTokenIsRefused() {
        HttpResponse<String> forged = post("/api/contributions/confirm", "{\"token\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(post("/api/contributions/confirm", "{\"token\":12}").statusCode()).isEqualTo(400);
    }

    @Test
    void everyModerationEndpointRefusesAnAnonymousCaller() {
        assertThat(get("/api/moderation/queue").statusCode()).isEqualTo(401);
        assertThat(get("/api/moderation/items/1").statusCode()).isEqualTo(401);
        assertThat(get("/api/contributions/mine").statusCode()).isEqualTo(401);
        assertThat(post("/api/moderation/items/1/lock", "").statusCode()).isEqualTo(401);
        assertThat(post("/api/moderation/items/1/decision", "{\"decision\":\"approve\"}").statusCode()).isEqualTo(401);
        HttpResponse<String> claim = post("/api/contributions",
                "{\"kind\":\"claim\",\"recordKind\":\"actor\",\"recordId\":1,\"charterVersion\":\"2026-12\",\"email\":\"a@example.org\","
                        + "\"openedAt\":1}");
        assertThat(claim.statusCode()).isEqualTo(401);
        for (String hostile : List.of("%01", "a%1B%5B31mb", "1e309", "-1", "x".repeat(3000))) {
            assertThat(get("/api/moderation/items/" + hostile).statusCode()).as(hostile).isBetween(400, 499);
            assertThat(post("/api/moderation/items/" + hostile + "/lock", "").statusCode()).as(hostile).isBetween(400, 499);
        }
    }

    @Test
    void theHistoryOfAnUnknownRecordIs404() {
        assertThat(get("/api/actors/999999999/history").statusCode()).isEqualTo(404);
        assertThat(get("/api/initiatives/abc/history").statusCode()).isEqualTo(400);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/contributions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(validNew(""))).build());
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void reportsFromOneAddressAreRateLimited() {
        String report = "{\"kind\":\"report\",\"recordKind\":\"actor\",\"recordId\":999999,\"reason\":\"spam\","
                + "\"charterVersion\":\"2026-12\",\"email\":\"r@example.org\",\"openedAt\":1}";
        // At most 3 per hour from one address (the hostile bodies' report may have taken one).
        HttpResponse<String> limited = post("/api/contributions", report);
        for (int i = 0; i < 3 && limited.statusCode() != 429; i++) {
            assertThat(limited.statusCode()).isEqualTo(404);
            limited = post("/api/contributions", report);
        }
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    private HttpResponse<String> post(String path, String body) {
        String csrf = csrf();
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private String csrf() {
        try {
            return SignIn.csrfToken(port, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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

}
