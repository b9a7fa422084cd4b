package org.atlascitoyen.mapservice.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.atlascitoyen.mapservice.ServiceIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the map page asks the service besides records: the vocabularies of its filters, its
 * settings, the outlines of its base, and the page itself at /embed.
 */
class MapPageApiIT extends ServiceIT {

    @Test
    void listsEveryThemeTypeAndStatusWithItsLabel() throws Exception {
        HttpResponse<String> response = get("/api/vocabularies");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=3600"));
        JsonNode body = json(response);

        assertThat(labels(body.path("themes"))).isEqualTo(table("SELECT code, label FROM theme ORDER BY code"));
        assertThat(labels(body.path("actorTypes"))).isEqualTo(table("SELECT code, label FROM actor_type ORDER BY code"));
        // Statuses in their life order, which a form shows as is.
        assertThat(labels(body.path("initiativeStatuses"))).isEqualTo(table("SELECT code, label FROM initiative_status ORDER BY rank"));
        assertThat(labels(body.path("initiativeStatuses")).keySet()).containsExactly("idee", "en_cours", "terminee", "abandonnee");
        assertThat(labels(body.path("themes"))).containsEntry("climat", "Climat");
    }

    @Test
    void refusesUnknownParameters() {
        HttpResponse<String> response = get("/api/vocabularies?lang=en");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("parameter").asString()).isEqualTo("lang");
    }

    @Test
    void theSettingsGiveTheBasemapOpenStreetMapByDefault() {
        HttpResponse<String> response = get("/api/map-settings");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode basemap = json(response).path("basemap");
        assertThat(basemap.path("url").asString()).isEqualTo("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
        assertThat(basemap.path("attribution").asString()).contains("OpenStreetMap", "href=\"https://www.openstreetmap.org/copyright\"");
        assertThat(basemap.path("maxZoom").asInt()).isEqualTo(19);
    }

    @Test
    void outlinesGiveEveryTerritoryOfAKindGzippedWithAWeakEtag() throws Exception {
        HttpResponse<byte[]> response = get("/api/territories/outlines?kind=epci", HttpResponse.BodyHandlers.ofByteArray(),
                "Accept-Encoding", "gzip");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).as("gzipped despite its ETag").hasValue("gzip");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        JsonNode body;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
            body = tools.jackson.databind.json.JsonMapper.shared().readTree(in);
        }
        assertThat(body.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(body.path("numberReturned").asInt()).isEqualTo(body.path("features").size())
                .isEqualTo(Integer.parseInt(table("SELECT 'n', count(*)::text FROM territory WHERE kind = 'epci'").get("n")));
        JsonNode metropole = body.path("features").valueStream()
                .filter(f -> f.path("id").asString().equals("epci:243100518")).findFirst().orElseThrow();
        assertThat(metropole.path("properties").path("name").asString()).isEqualTo("Toulouse Métropole");
        assertThat(metropole.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");

        assertThat(get("/api/territories/outlines?kind=epci", HttpResponse.BodyHandlers.discarding(), "If-None-Match", etag)
                .statusCode()).isEqualTo(304);
        HttpResponse<String> bad = get("/api/territories/outlines?kind=canton");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).path("parameter").asString()).isEqualTo("kind");
    }

    @Test
    void theEmbedPageIsTheMapPage() {
        HttpResponse<String> embed = get("/embed?theme=climat&territory=epci:243100518");
        assertThat(embed.statusCode()).isEqualTo(200);
        assertThat(embed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(embed.body()).isEqualTo(get("/").body()).contains("app/main.js");
    }

    private static Map<String, String> labels(JsonNode list) {
        Map<String, String> labels = new LinkedHashMap<>();
        list.valueStream().forEach(e -> labels.put(e.path("code").asString(), e.path("label").asString()));
        return labels;
    }

    private static Map<String, String> table(String sql) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.user(), DATABASE.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }
}
