package org.atlascitoyen.mapservice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.atlascitoyen.mapservice.ServiceIT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A partner's page on another origin reads the open data (lists, details, exports, OGC, tiles)
 * with fetch, and never anything that writes or answers from a session.
 */
class CorsIT extends ServiceIT {

    private static final String PARTNER = "https://carte.partenaire.example";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void importActors() throws Exception {
        importActorFixture();
    }

    @Test
    void publicReadsAnswerAnyOriginWithoutCredentials() throws Exception {
        for (String path : new String[] {"/api/actors?territory=departement:12", "/api/territories?q=rodez",
                "/api/export/actors.geojson", "/ogc", "/ogc/collections/actors/items?limit=2",
                "/tiles/actors/8/129/93.pbf", "/api/sources"}) {
            HttpResponse<String> response = send("GET", path, "Origin", PARTNER);
            assertThat(response.statusCode()).as(path).isLessThan(300);
            assertThat(header(response, "Access-Control-Allow-Origin")).as(path).contains("*");
            assertThat(header(response, "Access-Control-Allow-Credentials")).as(path).isEmpty();
            assertThat(header(response, "Access-Control-Expose-Headers").orElse("")).as(path).contains("ETag");
        }
        HttpResponse<String> head = send("HEAD", "/api/actors", "Origin", PARTNER);
        assertThat(header(head, "Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void aPreflightForAReadIsAnswered() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/ogc/collections/actors/items", "Origin", PARTNER,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "accept,if-none-match");
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).contains("*");
        assertThat(header(preflight, "Access-Control-Allow-Methods").orElse("")).contains("GET").doesNotContain("POST");
        assertThat(header(preflight, "Access-Control-Allow-Headers").orElse("").toLowerCase()).contains("if-none-match");
        assertThat(header(preflight, "Access-Control-Max-Age")).contains("3600");
    }

    @Test
    void writesAndSessionPathsNeverAnswerAnotherOrigin() throws Exception {
        HttpResponse<String> preflight = send("OPTIONS", "/api/contributions", "Origin", PARTNER,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,x-xsrf-token");
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> post = send("POST", "/api/contributions", "Origin", PARTNER, "Content-Type", "application/json");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(header(post, "Access-Control-Allow-Origin")).isEmpty();
        for (String path : new String[] {"/api/account", "/api/csrf", "/api/moderation/queue", "/api/contributions/mine",
                "/api/admin/roles"}) {
            HttpResponse<String> response = send("GET", path, "Origin", PARTNER);
            assertThat(header(response, "Access-Control-Allow-Origin")).as(path).isEmpty();
        }
        HttpResponse<String> preflightOfRead = send("OPTIONS", "/api/account", "Origin", PARTNER,
                "Access-Control-Request-Method", "GET");
        assertThat(header(preflightOfRead, "Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void sameOriginPagesAreUnchanged() {
        HttpResponse<String> response = get("/api/actors");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void thePathRuleKeepsSessionPathsOut() {
        assertThat(PublicCors.isPublicRead("/api/actors")).isTrue();
        assertThat(PublicCors.isPublicRead("/ogc")).isTrue();
        assertThat(PublicCors.isPublicRead("/tiles/actors/1/0/0.pbf")).isTrue();
        assertThat(PublicCors.isPublicRead("/api/accounts-like")).isTrue();
        assertThat(PublicCors.isPublicRead("/api/account")).isFalse();
        assertThat(PublicCors.isPublicRead("/api/account/data")).isFalse();
        assertThat(PublicCors.isPublicRead("/api/persons/me")).isFalse();
        assertThat(PublicCors.isPublicRead("/index.html")).isFalse();
        assertThat(PublicCors.isPublicRead("/ogcx")).isFalse();
    }

    private HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).headers(headers).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }
}
