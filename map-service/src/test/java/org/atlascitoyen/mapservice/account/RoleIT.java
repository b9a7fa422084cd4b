package org.atlascitoyen.mapservice.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * Admins grant and revoke coordinator roles on territories checked against the territory table,
 * each an audit entry; the coordinator has the role at their next request; the territories
 * without a coordinator are listed for everyone, without anyone's address.
 */
// Its own context (GreenMail's port, its database) is closed after the class: kept in the cache,
// its pools would hold connections that the later test classes need (max_connections).
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RoleIT extends WebIT {

    private static final DatabaseConfig DATABASE = dropOnExit(TestDatabases.withTerritories());
    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOULOUSE_METROPOLE = "243100518";

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("atlas.rate-limit.signin-ip", () -> "1000/PT1H");
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void anAdminGrantsAndRevokesACoordinatorRoleAndEachIsAudited() throws Exception {
        SignIn.grantAdmin(DATABASE, "admin@example.org");
        SignIn.Session admin = SignIn.as(port, SignIn.mailbox(SMTP), "admin@example.org");
        SignIn.Session coordinator = SignIn.as(port, SignIn.mailbox(SMTP), "coord@example.org");

        HttpResponse<String> granted = post(admin, "{\"email\":\"Coord@Example.org\",\"territory\":\"epci:" + TOULOUSE_METROPOLE + "\"}");
        assertThat(granted.statusCode()).isEqualTo(201);
        JsonNode role = json(granted);
        assertThat(role.get("territoryName").asString()).isEqualTo("Toulouse Métropole");
        assertThat(role.get("email").asString()).isEqualTo("coord@example.org");
        assertThat(post(admin, "{\"email\":\"coord@example.org\",\"territory\":\"epci:" + TOULOUSE_METROPOLE + "\"}").statusCode())
                .as("granting it again").isEqualTo(200);

        JsonNode me = json(send(coordinator.with(request("/api/account")).GET()));
        assertThat(me.get("coordinatorOf").get(0).get("kind").asString()).isEqualTo("epci");
        assertThat(send(admin.with(request("/api/admin/roles")).GET()).body()).contains("\"territoryCode\":\"" + TOULOUSE_METROPOLE + "\"");

        long id = role.get("id").asLong();
        assertThat(send(admin.with(request("/api/admin/roles/" + id)).DELETE()).statusCode()).isEqualTo(204);
        assertThat(send(admin.with(request("/api/admin/roles/" + id)).DELETE()).statusCode()).isEqualTo(404);
        assertThat(json(send(coordinator.with(request("/api/account")).GET())).get("coordinatorOf").size()).isZero();

        assertThat(audit()).isEqualTo("role.granted,role.revoked");
    }

    @Test
    void anUnknownTerritoryOrKindIs400() throws Exception {
        SignIn.grantAdmin(DATABASE, "admin2@example.org");
        SignIn.Session admin = SignIn.as(port, SignIn.mailbox(SMTP), "admin2@example.org");
        HttpResponse<String> unknown = post(admin, "{\"email\":\"x@example.org\",\"territory\":\"epci:000000000\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("parameter").asString()).isEqualTo("territory");
        assertThat(post(admin, "{\"email\":\"x@example.org\",\"territory\":\"qpv:QN03405M\"}").statusCode()).isEqualTo(400);
        assertThat(post(admin, "{\"email\":\"pas-une-adresse\",\"territory\":\"departement:12\"}").statusCode()).isEqualTo(400);
        assertThat(post(admin, "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void theTerritoriesWithoutACoordinatorAreListedWithoutAnyAddress() throws Exception {
        SignIn.grantCoordinator(DATABASE, "secret.coord@example.org", "departement", "12");
        HttpResponse<String> list = get("/api/coordination/territories?kind=departement&format=json");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode body = json(list);
        assertThat(body.get("items").size()).isEqualTo(13);
        assertThat(body.get("withoutCoordinator").asLong()).isEqualTo(12);
        assertThat(list.body()).doesNotContain("@");

        HttpResponse<String> geojson = get("/api/coordination/territories?kind=departement");
        assertThat(geojson.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        JsonNode aveyron = null;
        for (JsonNode f : json(geojson).get("features")) {
            if (f.get("id").asString().equals("departement:12")) {
                aveyron = f;
            }
        }
        assertThat(aveyron.get("properties").get("coordinators").asInt()).isEqualTo(1);
        assertThat(aveyron.get("geometry").get("type").asString()).contains("Polygon");
        assertThat(get("/api/coordination/territories?kind=qpv").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(SignIn.Session session, String json) throws Exception {
        return send(session.with(request("/api/admin/roles")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String audit() throws Exception {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(action, ',' ORDER BY id) FROM audit_entry WHERE action LIKE 'role.%'"
                     + " AND account_id IS NOT NULL AND details->>'territory' IS NOT NULL AND details::text NOT LIKE '%@%'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
