package org.atlascitoyen.mapservice.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * /api/coverage over the demo directory, checked against the list endpoints (same filters, same
 * totals) and against SQL written independently of the service's.
 */
class CoverageApiIT extends DemoServiceIT {

    private static final List<String> LEVELS = List.of("commune", "epci", "petr", "bassin_vie", "departement");

    @ParameterizedTest
    @ValueSource(strings = {"", "theme=alimentation", "territory=departement:12", "territory=epci:243100518&theme=culture",
            "theme=climat&theme=energie&q=jardin", "bbox=1.2,43.4,1.6,43.8", "updatedSince=2000-01-01",
            "territory=pnr:FR8000054", "type=association", "status=en_cours"})
    void coverageSumsEqualTheTotalsOfTheLists(String filter) {
        String actorFilter = filter.startsWith("status=") ? "" : filter;
        String initiativeFilter = filter.startsWith("type=") ? "" : filter;
        long actors = json(get("/api/actors?limit=1&" + actorFilter)).path("numberMatched").asLong();
        long initiatives = json(get("/api/initiatives?limit=1&" + initiativeFilter)).path("numberMatched").asLong();
        for (String level : LEVELS) {
            JsonNode body = coverage("level=" + level + "&format=json&" + filter);
            JsonNode summary = body.path("summary");
            long actorSum = summary.path("unassigned").path("actors").asLong();
            long initiativeSum = summary.path("unassigned").path("initiatives").asLong();
            for (JsonNode t : body.path("territories").values()) {
                actorSum += t.path("actors").asLong();
                initiativeSum += t.path("initiatives").asLong();
            }
            assertThat(actorSum).as("actors by %s for '%s'", level, filter).isEqualTo(actors);
            assertThat(initiativeSum).as("initiatives by %s for '%s'", level, filter).isEqualTo(initiatives);
            assertThat(summary.path("actors").asLong()).isEqualTo(actors);
            assertThat(summary.path("initiatives").asLong()).isEqualTo(initiatives);
        }
        assertThat(actors + initiatives).as("the filter '%s' selects something", filter).isPositive();
    }

    @Test
    void countsAreTheRecordsKeyedToEachTerritoryAndTheRestIsUnassigned() {
        for (String level : LEVELS) {
            String key = level; // the records' key column is named after the level
            Map<String, Long> actors = counts("SELECT " + key + ", count(*) FROM actor WHERE " + key + " IS NOT NULL GROUP BY 1");
            Map<String, Long> initiatives = counts("SELECT " + key + ", count(*) FROM initiative WHERE " + key
                    + " IS NOT NULL GROUP BY 1");
            JsonNode body = coverage("level=" + level + "&format=json");
            for (JsonNode t : body.path("territories").values()) {
                String code = t.path("code").asString();
                assertThat(t.path("actors").asLong()).as("%s %s", level, code).isEqualTo(actors.getOrDefault(code, 0L));
                assertThat(t.path("initiatives").asLong()).as("%s %s", level, code)
                        .isEqualTo(initiatives.getOrDefault(code, 0L));
            }
            JsonNode unassigned = body.path("summary").path("unassigned");
            assertThat(unassigned.path("actors").asLong()).as(level)
                    .isEqualTo(count("SELECT count(*) FROM actor WHERE " + key + " IS NULL"));
            assertThat(unassigned.path("initiatives").asLong()).as(level)
                    .isEqualTo(count("SELECT count(*) FROM initiative WHERE " + key + " IS NULL"));
        }
        // Most of the region is in no PETR: the case unassigned exists for.
        assertThat(coverage("level=petr&format=json").path("summary").path("unassigned").path("actors").asLong())
                .isPositive();
    }

    @Test
    void everyTerritoryOfTheLevelAppearsOnce() {
        for (String level : LEVELS) {
            List<String> codes = codes(coverage("level=" + level).path("features"));
            assertThat(codes).as(level).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(texts("SELECT code FROM territory WHERE kind = ?", level));
            assertThat(coverage("level=" + level + "&format=json").path("summary").path("territories").asInt())
                    .isEqualTo(codes.size());
        }
        // A territory filter lists the level's territories that share a commune with it.
        assertThat(codes(coverage("level=commune&territory=departement:12").path("features")))
                .containsExactlyInAnyOrderElementsOf(texts("SELECT code FROM commune WHERE departement = ?", "12"));
        assertThat(codes(coverage("level=departement&territory=epci:243100518").path("features"))).containsExactly("31");
    }

    @Test
    void zonesBlanchesHaveNoRecordAtAll() {
        JsonNode body = coverage("level=commune&format=json");
        Set<String> withRecords = new HashSet<>(texts("SELECT commune FROM actor WHERE commune IS NOT NULL UNION "
                + "SELECT commune FROM initiative WHERE commune IS NOT NULL"));
        int flagged = 0;
        for (JsonNode t : body.path("territories").values()) {
            boolean blanche = t.path("zoneBlanche").asBoolean();
            assertThat(blanche).as(t.path("code").asString()).isEqualTo(!withRecords.contains(t.path("code").asString()));
            if (blanche) {
                flagged++;
                assertThat(t.path("actors").asLong() + t.path("initiatives").asLong()).isZero();
                assertThat(t.path("themes").size()).isZero();
            }
        }
        assertThat(flagged).isPositive().isEqualTo(body.path("summary").path("zonesBlanches").asInt());
        // A theme nobody works on in a département: every commune there is a zone blanche.
        JsonNode none = coverage("level=commune&territory=departement:48&theme=mer&format=json").path("summary");
        assertThat(none.path("zonesBlanches").asInt()).isEqualTo(none.path("territories").asInt()).isPositive();
    }

    @Test
    void ratesPer10kAreComputedOnThePopulation() {
        Map<String, Long> population = counts("SELECT code, population FROM territory WHERE kind = 'epci'");
        int checked = 0;
        for (JsonNode t : coverage("level=epci&format=json").path("territories").values()) {
            long inhabitants = population.get(t.path("code").asString());
            assertThat(t.path("population").asLong()).isEqualTo(inhabitants);
            assertThat(t.path("actorsPer10k").asDouble())
                    .isCloseTo(t.path("actors").asLong() * 10_000.0 / inhabitants, within(0.005));
            assertThat(t.path("initiativesPer10k").asDouble())
                    .isCloseTo(t.path("initiatives").asLong() * 10_000.0 / inhabitants, within(0.005));
            checked += t.path("actors").asLong() > 0 ? 1 : 0;
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void themesPresentAreCountedPerRecordKind() {
        String epci = "243100518";
        Map<String, Long> actorThemes = counts("SELECT theme, count(*) FROM actor, unnest(themes) theme WHERE epci = '"
                + epci + "' GROUP BY 1");
        Map<String, Long> initiativeThemes = counts("SELECT theme, count(*) FROM initiative, unnest(themes) theme "
                + "WHERE epci = '" + epci + "' GROUP BY 1");
        JsonNode toulouse = coverage("level=epci&format=json").path("territories").valueStream()
                .filter(t -> t.path("code").asString().equals(epci)).findFirst().orElseThrow();
        Map<String, Long> actors = new HashMap<>();
        Map<String, Long> initiatives = new HashMap<>();
        long previous = Long.MAX_VALUE;
        for (JsonNode theme : toulouse.path("themes").values()) {
            long a = theme.path("actors").asLong();
            long i = theme.path("initiatives").asLong();
            assertThat(a + i).as("most frequent first").isLessThanOrEqualTo(previous);
            previous = a + i;
            if (a > 0) {
                actors.put(theme.path("code").asString(), a);
            }
            if (i > 0) {
                initiatives.put(theme.path("code").asString(), i);
            }
        }
        assertThat(actors).isNotEmpty().isEqualTo(actorThemes);
        assertThat(initiatives).isEqualTo(initiativeThemes);
    }

    @Test
    void geometriesAreValidSimplifiedPolygons() throws SQLException {
        JsonNode features = coverage("level=epci").path("features");
        assertThat(features.size()).isPositive();
        try (Connection c = DEMO.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT ST_IsValid(g), ST_Area(g::geography) / ST_Area(t.geom::geography), ST_NPoints(g), ST_NPoints(t.geom)"
                + " FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) AS g) x, territory t WHERE t.kind = 'epci' AND t.code = ?")) {
            long simplified = 0;
            long reference = 0;
            for (JsonNode f : features.values()) {
                JsonNode geometry = f.path("geometry");
                assertThat(f.path("type").asString()).isEqualTo("Feature");
                assertThat(geometry.path("type").asString()).isIn("Polygon", "MultiPolygon");
                assertThat(geometry.toString()).doesNotContainPattern("\\d\\.\\d{7}");
                st.setString(1, geometry.toString());
                st.setString(2, f.path("properties").path("code").asString());
                try (ResultSet rs = st.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBoolean(1)).as(f.path("id").asString()).isTrue();
                    assertThat(rs.getDouble(2)).as("area kept, %s", f.path("id").asString()).isCloseTo(1, within(0.05));
                    simplified += rs.getLong(3);
                    reference += rs.getLong(4);
                }
            }
            assertThat(simplified).isLessThan(reference / 2);
        }
    }

    @Test
    void csvHasABomAHeaderAndOneRowPerTerritory() throws Exception {
        HttpResponse<String> response = get("/api/coverage?level=epci&format=csv&theme=culture");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment").contains("filename=\"coverage-epci_theme-culture.csv\"");
        String body = response.body();
        assertThat(body).startsWith("\uFEFFkind,code,name,population,actors,initiatives,actors_per_10k,");
        List<CSVRecord> rows;
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(body.substring(1)))) {
            rows = parser.getRecords();
        }
        JsonNode json = coverage("level=epci&format=json&theme=culture");
        JsonNode territories = json.path("territories");
        assertThat(rows).hasSize(territories.size() + 1);
        for (int i = 0; i < territories.size(); i++) {
            JsonNode t = territories.get(i);
            assertThat(rows.get(i).get("code")).isEqualTo(t.path("code").asString());
            assertThat(rows.get(i).get("name")).isEqualTo(t.path("name").asString());
            assertThat(Long.parseLong(rows.get(i).get("actors"))).isEqualTo(t.path("actors").asLong());
            assertThat(rows.get(i).get("zone_blanche")).isEqualTo(String.valueOf(t.path("zoneBlanche").asBoolean()));
        }
        CSVRecord unassigned = rows.get(rows.size() - 1);
        assertThat(unassigned.get("code")).isEqualTo("unassigned");
        assertThat(Long.parseLong(unassigned.get("actors")))
                .isEqualTo(json.path("summary").path("unassigned").path("actors").asLong());

        String french = get("/api/coverage?level=epci&format=csv&sep=semicolon").body();
        assertThat(french).startsWith("\uFEFFkind;code;name;population;actors;");
        assertThat(french.lines().count()).isEqualTo(count("SELECT count(*) FROM territory WHERE kind = 'epci'") + 2);
        assertThat(french).containsPattern(";\\d+,\\d+;").doesNotContainPattern(";\\d+\\.\\d+;");
        assertThat(get("/api/coverage?level=epci&format=csv").headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename=\"coverage-epci.csv\"");
    }

    @Test
    void typeNarrowsActorsOnlyAndStatusInitiativesOnly() {
        JsonNode all = coverage("level=departement&format=json").path("summary");
        JsonNode typed = coverage("level=departement&format=json&type=collectivite").path("summary");
        JsonNode stated = coverage("level=departement&format=json&status=terminee").path("summary");
        assertThat(typed.path("actors").asLong()).isLessThan(all.path("actors").asLong());
        assertThat(typed.path("initiatives").asLong()).isEqualTo(all.path("initiatives").asLong());
        assertThat(stated.path("initiatives").asLong()).isLessThan(all.path("initiatives").asLong());
        assertThat(stated.path("actors").asLong()).isEqualTo(all.path("actors").asLong());
    }

    @ParameterizedTest
    @ValueSource(strings = {"level:", "level:level=canton", "level:level=qpv", "level:level=", "format:level=epci&format=xml",
            "sep:level=epci&sep=semicolon", "sep:level=epci&format=csv&sep=tab", "theme:level=epci&theme=cuisine",
            "territory:level=epci&territory=epci:1", "limit:level=epci&limit=5", "type:level=epci&type=club"})
    void badParametersAreNamed(String parameterAndQuery) {
        String parameter = parameterAndQuery.substring(0, parameterAndQuery.indexOf(':'));
        HttpResponse<String> response = get("/api/coverage?" + parameterAndQuery.substring(parameter.length() + 1));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).path("parameter").asString()).isEqualTo(parameter);
    }

    private JsonNode coverage(String query) {
        HttpResponse<String> response = get("/api/coverage?" + query);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        return json(response);
    }

    private static List<String> codes(JsonNode features) {
        return features.valueStream().map(f -> f.path("properties").path("code").asString()).toList();
    }

    private static long count(String sql) {
        return counts("SELECT 'n', (" + sql + ")").get("n");
    }

    /** The first column to the second, for queries of the test's own. */
    private static Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new HashMap<>();
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return counts;
    }

    private static List<String> texts(String sql, String parameter) {
        List<String> texts = new ArrayList<>();
        try (Connection c = DEMO.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                st.setString(1, parameter);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    texts.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return texts;
    }

    private static List<String> texts(String sql) {
        return texts(sql, null);
    }

    @Test
    void aKnownCoverageIsA304AndAnotherFilterIsAnotherEtag() {
        HttpResponse<String> first = get("/api/coverage?level=epci&theme=climat,culture");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=");
        HttpResponse<String> again = get("/api/coverage?level=epci&theme=culture&theme=climat",
                HttpResponse.BodyHandlers.ofString(), "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        HttpResponse<String> other = get("/api/coverage?level=epci&theme=climat",
                HttpResponse.BodyHandlers.ofString(), "If-None-Match", etag);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(get("/api/coverage?level=epci&theme=climat&format=csv").headers().firstValue("ETag").orElseThrow())
                .isNotEqualTo(other.headers().firstValue("ETag").orElseThrow());
    }
}
