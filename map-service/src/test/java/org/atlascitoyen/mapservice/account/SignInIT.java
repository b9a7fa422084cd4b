package org.atlascitoyen.mapservice.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Passwordless sign-in end to end, over HTTP, with a real SMTP server in the test (GreenMail) and
 * a database of its own: the link by mail, the token posted by the page, sessions in PostgreSQL,
 * CSRF, the same answer for every address, forged, expired and replayed tokens, rate limits,
 * roles read fresh, and deleting one's account.
 */
// Its own context (GreenMail's port, its database) is closed after the class: kept in the cache,
// its pools would hold connections that the later test classes need (max_connections).
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignInIT extends WebIT {

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
        registry.add("atlas.admin-emails", () -> "chef@example.org");
        // Every test asks for links from 127.0.0.1: the per-IP limit would count them all.
        registry.add("atlas.rate-limit.signin-ip", () -> "1000/PT1H");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private SignIn.Session signIn(String email) throws Exception {
        return SignIn.as(port, SignIn.mailbox(SMTP), email);
    }

    @Test
    void theLinkByMailSignsInAndTheAccountIsCreatedThen() throws Exception {
        assertThat(accountCount("nouvelle@example.org")).isZero();
        SignIn.Session session = signIn("Nouvelle@Example.org ");

        HttpResponse<String> me = send(session.with(request("/api/account")).GET());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode account = json(me);
        assertThat(account.get("email").asString()).isEqualTo("nouvelle@example.org");
        assertThat(account.get("admin").asBoolean()).isFalse();
        assertThat(account.get("coordinatorOf").size()).isZero();
        assertThat(accountCount("nouvelle@example.org")).isOne();

        MimeMessage mail = lastMailTo("nouvelle@example.org");
        assertThat(mail.getSubject()).isEqualTo("Votre lien de connexion à Atlas Citoyen");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Atlas Citoyen");
        assertThat(mail.getContentType()).startsWith("multipart/");
        String whole = SignIn.text(mail);
        assertThat(whole).contains("text/plain", "text/html", "Vous recevez ce message parce qu", "nouvelle@example.org");
    }

    @Test
    void aMailShowsTheAddressEscapedInItsHtml() throws Exception {
        String odd = "o'brien&co@example.org";
        SignIn.requestLink(port, SignIn.mailbox(SMTP), odd);
        String whole = SignIn.text(lastMailTo(odd));
        assertThat(whole).contains("o&#39;brien&amp;co@example.org");
    }

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswer() throws Exception {
        SignIn.grantCoordinator(DATABASE, "connue@example.org", "departement", "12");
        HttpResponse<String> known = askLink("connue@example.org");
        HttpResponse<String> unknown = askLink("inconnue@example.org");

        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(accountCount("inconnue@example.org")).as("no account before the link is used").isZero();
    }

    @Test
    void aForgedAnExpiredAndAReplayedTokenAreRefused() throws Exception {
        assertThat(postToken("forgedforgedforgedforgedforgedforgedforged1").statusCode()).isEqualTo(401);

        String token = SignIn.requestLink(port, SignIn.mailbox(SMTP), "deux-fois@example.org");
        assertThat(postToken(token).statusCode()).isEqualTo(200);
        HttpResponse<String> replayed = postToken(token);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        String expired = SignIn.requestLink(port, SignIn.mailbox(SMTP), "en-retard@example.org");
        execute("UPDATE signin_token SET expires_at = now() - interval '1 second' WHERE token_hash = ?", SigninTokens.hash(expired));
        assertThat(postToken(expired).statusCode()).isEqualTo(401);
        assertThat(accountCount("en-retard@example.org")).isZero();
    }

    @Test
    void theTokenIsStoredHashedOnly() throws Exception {
        String token = SignIn.requestLink(port, SignIn.mailbox(SMTP), "hache@example.org");
        assertThat(count("SELECT count(*) FROM signin_token WHERE token_hash = ?", SigninTokens.hash(token))).isOne();
        assertThat(count("SELECT count(*) FROM signin_token WHERE token_hash = ?", token)).isZero();
    }

    @Test
    void aStateChangingRequestWithoutItsCsrfTokenIs403() throws Exception {
        HttpResponse<String> refused = send(request("/api/account/signin-link").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"sans-jeton@example.org\"}")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(refused).get("title").asString()).contains("CSRF");

        SignIn.Session session = signIn("csrf@example.org");
        HttpResponse<String> deleteWithoutHeader = send(request("/api/account").header("Cookie", session.cookies()).DELETE());
        assertThat(deleteWithoutHeader.statusCode()).isEqualTo(403);
        assertThat(accountCount("csrf@example.org")).isOne();
    }

    @Test
    void theSessionLivesInTheDatabaseAndServesAnotherClient() throws Exception {
        SignIn.Session session = signIn("session@example.org");
        long id = json(send(session.with(request("/api/account")).GET())).get("id").asLong();
        assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", "account:" + id)).isOne();
        assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name LIKE ?", "%@%")).isZero();

        HttpClient other = HttpClient.newHttpClient();
        HttpResponse<String> me = other.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/account"))
                .header("Cookie", session.cookies()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);

        assertThat(send(session.with(request("/api/account/signout")).POST(HttpRequest.BodyPublishers.noBody())).statusCode()).isEqualTo(204);
        assertThat(send(request("/api/account").header("Cookie", session.cookies()).GET()).statusCode()).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM spring_session WHERE principal_name = ?", "account:" + id)).isZero();
    }

    @Test
    void tooManyLinksForOneAddressAre429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(askLink("pressee@example.org").statusCode()).isEqualTo(202);
        }
        HttpResponse<String> limited = askLink("pressee@example.org");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(count("SELECT count(*) FROM rate_limit_bucket WHERE id LIKE ?", "%pressee%")).isZero();
    }

    @Test
    void aBadAddressIs400() throws Exception {
        HttpResponse<String> bad = askLink("pas une adresse");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("parameter").asString()).isEqualTo("email");
    }

    @Test
    void theAdminApiIs401AnonymousAnd403ForAContributor() throws Exception {
        assertThat(send(request("/api/admin/roles").GET()).statusCode()).isEqualTo(401);
        HttpResponse<String> anonymous = send(request("/api/admin/roles").GET());
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(anonymous.headers().allValues("Set-Cookie")).isEmpty();

        SignIn.Session contributor = signIn("contributrice@example.org");
        assertThat(send(contributor.with(request("/api/admin/roles")).GET()).statusCode()).isEqualTo(403);
        assertThat(send(contributor.with(request("/api/admin/roles")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"x@example.org\",\"territory\":\"epci:243100518\"}")))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void aRoleGrantedWhileSignedInAppliesAtTheNextRequest() throws Exception {
        SignIn.Session session = signIn("promue@example.org");
        assertThat(json(send(session.with(request("/api/account")).GET())).get("admin").asBoolean()).isFalse();

        SignIn.grantAdmin(DATABASE, "promue@example.org");
        SignIn.grantCoordinator(DATABASE, "promue@example.org", "epci", "243100518");
        JsonNode now = json(send(session.with(request("/api/account")).GET()));
        assertThat(now.get("admin").asBoolean()).isTrue();
        assertThat(now.get("coordinatorOf").get(0).get("code").asString()).isEqualTo("243100518");
    }

    @Test
    void anAddressOfAtlasAdminEmailsIsAnAdmin() throws Exception {
        SignIn.Session chef = signIn("chef@example.org");
        assertThat(json(send(chef.with(request("/api/account")).GET())).get("admin").asBoolean()).isTrue();
    }

    @Test
    void deletingMyAccountSignsMeOutAndKeepsNothingOfIt() throws Exception {
        SignIn.Session session = signIn("partante@example.org");
        HttpResponse<String> deleted = send(session.with(request("/api/account")).DELETE());
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(accountCount("partante@example.org")).isZero();
        assertThat(send(request("/api/account").header("Cookie", session.cookies()).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void publicReadsSetNoCookieAndCarryTheSecurityHeaders() {
        HttpResponse<String> read = get("/api/vocabularies");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(read.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'", "img-src 'self' data: https://tile.openstreetmap.org", "frame-ancestors 'self'");
        assertThat(read.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");

        HttpResponse<String> embed = get("/embed");
        assertThat(embed.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors *");
        assertThat(embed.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(embed.headers().allValues("Set-Cookie")).isEmpty();
    }

    private HttpResponse<String> askLink(String email) throws Exception {
        String csrf = SignIn.csrfToken(port, null);
        return send(request("/api/account/signin-link").header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")));
    }

    private HttpResponse<String> postToken(String token) throws Exception {
        String csrf = SignIn.csrfToken(port, null);
        return send(request("/api/account/signin").header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static MimeMessage lastMailTo(String email) throws Exception {
        MimeMessage[] all = SMTP.getReceivedMessages();
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i].getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                return all[i];
            }
        }
        throw new AssertionError("no mail to " + email);
    }

    private static long accountCount(String email) throws Exception {
        return count("SELECT count(*) FROM account WHERE email = ?", email);
    }

    private static long count(String sql, String value) throws Exception {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, value);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void execute(String sql, String value) throws Exception {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, value);
            st.executeUpdate();
        }
    }
}
