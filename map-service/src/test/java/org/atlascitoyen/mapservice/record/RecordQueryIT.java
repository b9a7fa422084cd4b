package org.atlascitoyen.mapservice.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every filter of /api/actors and /api/initiatives, alone and combined, against an independent
 * SQL count over the demo data; paging stability in the three orders; public fields only.
 */
class RecordQueryIT extends DemoServiceIT {

    private static final String TOULOUSE = "1.4442,43.6045";

    @Test
    void eachFilterMatchesWhatSqlCounts() throws SQLException {
        assertMatched("/api/actors", "SELECT count(*) FROM actor");
        assertMatched("/api/initiatives", "SELECT count(*) FROM initiative");
        assertMatched("/api/actors?bbox=1.3,43.5,1.6,43.7",
                "SELECT count(*) FROM actor WHERE ST_X(geom) BETWEEN 1.3 AND 1.6 AND ST_Y(geom) BETWEEN 43.5 AND 43.7");
        assertMatched("/api/actors?near=" + TOULOUSE + "&radius=5000",
                "SELECT count(*) FROM actor WHERE ST_Distance(geom::geography, ST_MakePoint(1.4442, 43.6045)::geography) <= 5000");
        assertMatched("/api/actors?territory=epci:243100518", "SELECT count(*) FROM actor WHERE epci = '243100518'");
        assertMatched("/api/actors?territory=departement:12", "SELECT count(*) FROM actor WHERE departement = '12'");
        assertMatched("/api/actors?territory=commune:34172", "SELECT count(*) FROM actor WHERE commune = '34172'");
        assertMatched("/api/actors?territory=region:76", "SELECT count(*) FROM actor WHERE region = '76'");
        assertMatched("/api/actors?theme=alimentation", "SELECT count(*) FROM actor WHERE 'alimentation' = ANY(themes)");
        assertMatched("/api/actors?theme=alimentation&theme=climat",
                "SELECT count(*) FROM actor WHERE 'alimentation' = ANY(themes) OR 'climat' = ANY(themes)");
        assertMatched("/api/actors?theme=alimentation,climat",
                "SELECT count(*) FROM actor WHERE 'alimentation' = ANY(themes) OR 'climat' = ANY(themes)");
        assertMatched("/api/actors?type=association&type=tiers_lieu",
                "SELECT count(*) FROM actor WHERE type IN ('association', 'tiers_lieu')");
        assertMatched("/api/initiatives?status=abandonnee", "SELECT count(*) FROM initiative WHERE status = 'abandonnee'");
        assertMatched("/api/actors?updatedSince=2000-01-01", "SELECT count(*) FROM actor");
        assertMatched("/api/actors?updatedSince=2999-01-01T00:00:00Z", "SELECT 0");
    }

    @Test
    void filtersCombine() throws SQLException {
        assertMatched("/api/actors?territory=departement:31&theme=alimentation&type=association",
                "SELECT count(*) FROM actor WHERE departement = '31' AND 'alimentation' = ANY(themes) AND type = 'association'");
        assertMatched("/api/initiatives?territory=departement:34&status=en_cours&theme=alimentation",
                "SELECT count(*) FROM initiative WHERE departement = '34' AND status = 'en_cours' AND 'alimentation' = ANY(themes)");
        assertMatched("/api/actors?bbox=0,42,5,46&near=" + TOULOUSE + "&radius=20000&theme=culture",
                "SELECT count(*) FROM actor WHERE 'culture' = ANY(themes)"
                        + " AND ST_Distance(geom::geography, ST_MakePoint(1.4442, 43.6045)::geography) <= 20000");
        long both = matched("/api/actors?q=jardin&territory=departement:34");
        assertThat(both).isPositive().isLessThan(matched("/api/actors?q=jardin"));
    }

    @Test
    void textSearchIsFrenchStemmedAccentInsensitiveAndRanked() throws SQLException {
        // "jardins" (plural) finds names holding "jardin"; "energie" finds "Énergie".
        long jardin = sql("SELECT count(*) FROM actor WHERE unaccent(lower(name)) ~ '\\mjardin'");
        assertThat(jardin).isPositive();
        assertThat(matched("/api/actors?q=jardins")).isGreaterThanOrEqualTo(jardin);
        assertThat(matched("/api/actors?q=energie")).isEqualTo(matched("/api/actors?q=%C3%A9nergie")).isPositive();
        // Themes are searchable as words: every actor with the theme matches its label.
        assertThat(matched("/api/actors?q=mobilite")).isGreaterThanOrEqualTo(matched("/api/actors?theme=mobilite"));
        // Best match first: the first result names the word, weight A, before description-only matches.
        JsonNode first = json(get("/api/actors?q=jardins&limit=1")).path("features").get(0);
        assertThat(first.path("properties").path("name").asString().toLowerCase()).contains("jardin");
        assertThat(matched("/api/actors?q=" + encode("\"zzzz introuvable\""))).isZero();
    }

    @Test
    void nearSortsByDistanceAndGivesIt() {
        List<JsonNode> features = all("/api/actors?near=" + TOULOUSE + "&radius=10000", 25);
        assertThat(features).hasSizeGreaterThan(25);
        long previous = -1;
        for (JsonNode feature : features) {
            long distance = feature.path("properties").path("distance").asLong(-1);
            assertThat(distance).isBetween(previous, 10_000L);
            previous = distance;
        }
        assertThat(json(get("/api/actors?limit=1")).path("features").get(0).path("properties").has("distance")).isFalse();
    }

    @Test
    void pagingWalksEveryMatchOnceInEachOrder() {
        for (String query : List.of("/api/actors?theme=alimentation", "/api/actors?near=" + TOULOUSE + "&radius=50000",
                "/api/actors?q=jardin%20or%20culture", "/api/initiatives?territory=departement:31")) {
            long total = matched(query);
            List<JsonNode> features = all(query, 7);
            Set<Long> ids = new HashSet<>();
            features.forEach(f -> ids.add(f.path("id").asLong()));
            assertThat(ids).as(query).hasSize(features.size());
            assertThat((long) ids.size()).as(query).isEqualTo(total);
        }
    }

    @Test
    void aCursorPointsIntoItsOwnOrderOnly() {
        String next = json(get("/api/actors?limit=2")).path("next").asString();
        JsonNode problem = json(get("/api/actors?limit=2&q=jardin&cursor=" + next));
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("parameter").asString()).isEqualTo("cursor");
    }

    @Test
    void plainJsonCarriesTheSameRecords() {
        JsonNode geo = json(get("/api/actors?theme=culture&limit=5"));
        JsonNode plain = json(get("/api/actors?theme=culture&limit=5&format=json"));
        assertThat(get("/api/actors?format=json").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(get("/api/actors").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/geo+json"));
        assertThat(plain.path("numberMatched").asLong()).isEqualTo(geo.path("numberMatched").asLong());
        for (int i = 0; i < 5; i++) {
            JsonNode feature = geo.path("features").get(i);
            JsonNode item = plain.path("items").get(i);
            assertThat(item.path("id").asLong()).isEqualTo(feature.path("id").asLong());
            assertThat(item.path("name").asString()).isEqualTo(feature.path("properties").path("name").asString());
            assertThat(item.path("lon").asDouble()).isEqualTo(feature.path("geometry").path("coordinates").get(0).asDouble());
            assertThat(item.path("lat").asDouble()).isEqualTo(feature.path("geometry").path("coordinates").get(1).asDouble());
        }
    }

    @Test
    void anActorInFullWithItsTerritoriesInitiativesAndSourcesButNoPrivateField() throws SQLException {
        long id = sql("SELECT a.id FROM actor a JOIN initiative_actor ia ON ia.actor_id = a.id"
                + " WHERE a.email IS NOT NULL OR a.phone IS NOT NULL ORDER BY a.id LIMIT 1");
        String body = get("/api/actors/" + id).body();
        JsonNode actor = json(get("/api/actors/" + id)).path("properties");
        List<String> kinds = new ArrayList<>();
        actor.path("territories").forEach(t -> kinds.add(t.path("kind").asString()));
        assertThat(kinds).startsWith("commune").contains("epci", "departement", "region");
        assertThat(actor.path("initiatives").size()).isEqualTo((int) sql(
                "SELECT count(*) FROM initiative_actor WHERE actor_id = " + id));
        assertThat(actor.path("sources").get(0).path("source").asString()).isNotEmpty();
        assertThat(actor.path("themes").get(0).path("label").asString()).isNotEmpty();
        for (String secret : texts("SELECT email FROM actor WHERE id = " + id + " AND email IS NOT NULL"
                + " UNION ALL SELECT phone FROM actor WHERE id = " + id + " AND phone IS NOT NULL")) {
            assertThat(body).doesNotContain(secret);
        }
        assertThat(body).doesNotContain("\"email\"").doesNotContain("\"phone\"");
    }

    @Test
    void noListLeaksAnEmail() throws SQLException {
        String page = get("/api/actors?limit=1000").body();
        for (String email : texts("SELECT email FROM actor WHERE email IS NOT NULL")) {
            assertThat(page).doesNotContain(email);
        }
    }

    @Test
    void anInitiativeInFullWithItsCarriers() throws SQLException {
        long id = sql("SELECT initiative_id FROM initiative_actor ORDER BY initiative_id LIMIT 1");
        JsonNode initiative = json(get("/api/initiatives/" + id));
        assertThat(initiative.path("type").asString()).isEqualTo("Feature");
        assertThat(initiative.path("properties").path("actors").size())
                .isEqualTo((int) sql("SELECT count(*) FROM initiative_actor WHERE initiative_id = " + id));
        assertThat(initiative.path("properties").path("statusLabel").asString()).isNotEmpty();
        assertThat(get("/api/initiatives/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        assertBad("/api/actors?bbox=1,2,3", "bbox");
        assertBad("/api/actors?bbox=3,44,1,43", "bbox");
        assertBad("/api/actors?bbox=1,43,a,44", "bbox");
        assertBad("/api/actors?bbox=1,43,200,44", "bbox");
        assertBad("/api/actors?near=1.4", "near");
        assertBad("/api/actors?near=43.6,1.44,3", "near");
        assertBad("/api/actors?near=1.4,43.6&radius=-1", "radius");
        assertBad("/api/actors?near=1.4,43.6&radius=1000000", "radius");
        assertBad("/api/actors?radius=100", "radius");
        assertBad("/api/actors?territory=epci", "territory");
        assertBad("/api/actors?territory=canton:1", "territory");
        assertBad("/api/actors?territory=epci:000000000", "territory");
        assertBad("/api/actors?theme=astrologie", "theme");
        assertBad("/api/actors?type=club_de_golf", "type");
        assertBad("/api/actors?status=en_cours", "status");
        assertBad("/api/initiatives?type=association", "type");
        assertBad("/api/initiatives?status=finie", "status");
        assertBad("/api/actors?q=" + "x".repeat(201), "q");
        assertBad("/api/actors?updatedSince=hier", "updatedSince");
        assertBad("/api/actors?limit=0", "limit");
        assertBad("/api/actors?limit=1001", "limit");
        assertBad("/api/actors?cursor=%25%25", "cursor");
        assertBad("/api/actors?cursor=SToxMjM", "cursor"); // base64 of "I:123": too few parts
        assertBad("/api/actors?format=xml", "format");
        assertBad("/api/actors?limt=5", "limt");
        assertBad("/api/actors/abc", "id");
    }

    private void assertBad(String path, String parameter) {
        var response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        assertThat(json(response).path("parameter").asString()).as(path).isEqualTo(parameter);
    }

    private void assertMatched(String path, String sql) throws SQLException {
        assertThat(matched(path)).as(path).isEqualTo(sql(sql));
    }

    private long matched(String path) {
        var response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json(response).path("numberMatched").asLong();
    }

    /** Every feature of a list, walking the cursors with pages of {@code limit}. */
    private List<JsonNode> all(String path, int limit) {
        List<JsonNode> features = new ArrayList<>();
        String cursor = null;
        String separator = path.contains("?") ? "&" : "?";
        do {
            JsonNode page = json(get(path + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor)));
            page.path("features").forEach(features::add);
            assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("features").size());
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        } while (cursor != null);
        return features;
    }

    private static long sql(String query) throws SQLException {
        try (Connection c = DEMO.connect(); PreparedStatement st = c.prepareStatement(query); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> texts(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DEMO.connect(); PreparedStatement st = c.prepareStatement(query); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
