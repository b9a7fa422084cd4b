package org.atlascitoyen.mapservice.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Requests naming a former territory code (a 2015 QPV, a PETR slug; {@code territory_alias}):
 * with one successor they answer exactly as with the current code, and say so in a header; with
 * several or none, a 400 names the replacements. Which code replaces which is read from the alias
 * table the reference import built from the data files. Its own database: it adds actors
 * ({@code territory/former-codes.csv}) and one former code with two successors, which the data has not.
 */
class TerritoryAliasApiIT extends WebIT {

    private static final DatabaseConfig DB = dropOnExit(withActorsAndAnAmbiguousCode());

    /** The 2024 QPV the fixture's Mosson actors are placed in, and the PETR of Midi-Quercy. */
    private static final String MOSSON = "QN03405M";
    private static final String MIDI_QUERCY = "200049690";

    /** A former code made up for this test, covered by two current QPV. */
    private static final String AMBIGUOUS = "QP999999";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        use(registry, DB);
    }

    private static DatabaseConfig withActorsAndAnAmbiguousCode() {
        DatabaseConfig db = TestDatabases.withTerritories();
        try {
            Path csv = Path.of(TerritoryAliasApiIT.class.getResource("/territory/former-codes.csv").toURI());
            new DirectoryImport(db, Progress.Factory.silent()).run(new ImportRequest(RecordKind.ACTOR, "alias-test",
                    ImportRequest.Format.CSV, csv, csv.resolveSibling("former-codes.mapping.yaml"), false, false,
                    csv.resolveSibling("former-codes.rejects.csv")));
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("INSERT INTO territory_alias (kind, code, name, vintage, current_code, share, reason) "
                        + "SELECT 'qpv', '" + AMBIGUOUS + "', 'Quartier fictif', 'QPV 2015 (test)', code, 0.5, 'test' "
                        + "FROM territory WHERE kind = 'qpv' AND code IN ('" + MOSSON + "', (SELECT min(code) FROM territory WHERE kind = 'qpv'))");
            }
            return db;
        } catch (Exception e) {
            TestDatabases.drop(db);
            throw new IllegalStateException("Cannot prepare the alias test database", e);
        }
    }

    /** The former codes whose one successor is this territory, from the alias table. */
    private static List<String> formerCodesOf(String kind, String current) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (Connection c = DB.connect();
             PreparedStatement st = c.prepareStatement("SELECT code FROM territory_successor WHERE kind = ? AND successors = ARRAY[?::text] ORDER BY code")) {
            st.setString(1, kind);
            st.setString(2, current);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    private static String withdrawnQpv() throws SQLException {
        try (Connection c = DB.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT min(code) FROM territory_successor WHERE kind = 'qpv' AND successors = '{}'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String formerMosson() throws SQLException {
        List<String> codes = formerCodesOf("qpv", MOSSON);
        assertThat(codes).as("2015 QPV whose one successor is " + MOSSON).isNotEmpty();
        return codes.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/api/actors?territory=qpv:%s",
            "/api/actors?territory=qpv:%s&format=json",
            "/api/actors/clusters?bbox=3.7,43.5,4.0,43.7&zoom=12&territory=qpv:%s",
            "/api/coverage?level=commune&format=json&territory=qpv:%s",
            "/api/export/actors.csv?territory=qpv:%s",
            "/api/territories/qpv/%s",
            "/api/territories/qpv/%s/members"})
    void aFormer2015QpvCodeAnswersAsItsSuccessorAndSaysSo(String path) throws Exception {
        String former = formerMosson();
        HttpResponse<String> current = get(path.formatted(MOSSON));
        HttpResponse<String> aliased = get(path.formatted(former));

        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(aliased.statusCode()).isEqualTo(200);
        assertThat(aliased.body()).isEqualTo(current.body());
        assertThat(aliased.headers().firstValue(TerritoryKeys.HEADER)).contains("qpv:" + former + "=qpv:" + MOSSON);
        assertThat(current.headers().firstValue(TerritoryKeys.HEADER)).isEmpty();
        assertThat(aliased.headers().firstValue("Content-Disposition")).isEqualTo(current.headers().firstValue("Content-Disposition"));
    }

    @Test
    void theListsOfTheFormerCodeHoldTheActorsOfItsSuccessor() throws Exception {
        JsonNode list = json(get("/api/actors?format=json&territory=qpv:" + formerMosson()));

        assertThat(list.path("numberMatched").asInt()).isEqualTo(2);
        assertThat(list.path("items").valueStream().map(i -> i.path("name").asString()))
                .containsExactlyInAnyOrder("Régie de quartier de la Mosson", "Maison pour tous de la Paillade");
    }

    @Test
    void aFormerPetrSlugAnswersAsItsSirenInTheListsAndTheOgcFilter() throws Exception {
        List<String> slugs = formerCodesOf("petr", MIDI_QUERCY);
        assertThat(slugs).singleElement().asString().startsWith("petr-");
        String slug = slugs.get(0);

        HttpResponse<String> list = get("/api/actors?territory=petr:" + slug);
        assertThat(list.body()).isEqualTo(get("/api/actors?territory=petr:" + MIDI_QUERCY).body());
        assertThat(json(list).path("numberMatched").asInt()).isEqualTo(1);

        HttpResponse<String> ogc = get("/ogc/collections/actors/items?petr=" + slug);
        assertThat(ogc.statusCode()).isEqualTo(200);
        assertThat(json(ogc).path("numberMatched").asInt()).isEqualTo(1);
        assertThat(ogc.headers().firstValue(TerritoryKeys.HEADER)).contains("petr:" + slug + "=petr:" + MIDI_QUERCY);
        assertThat(json(get("/api/territories/petr/" + slug)).path("id").asString()).isEqualTo("petr:" + MIDI_QUERCY);
    }

    @Test
    void aWithdrawnQpvIsA400SayingNothingReplacesIt() throws Exception {
        String withdrawn = withdrawnQpv();
        assertThat(withdrawn).as("a 2015 QPV without 2024 successor in the data").isNotNull();

        HttpResponse<String> response = get("/api/actors?territory=qpv:" + withdrawn);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("parameter").asString()).isEqualTo("territory");
        assertThat(problem.path("replacements").isArray()).isTrue();
        assertThat(problem.path("replacements").isEmpty()).isTrue();
        assertThat(problem.path("detail").asString()).startsWith(withdrawn + " (").contains("is a former qpv code")
                .contains("no current qpv covers its area");
    }

    @Test
    void aFormerCodeWithSeveralSuccessorsIsA400NamingThemInTheListsAndThePaths() throws Exception {
        List<String> successors = new ArrayList<>();
        try (Connection c = DB.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT unnest(successors) FROM territory_successor WHERE code = '" + AMBIGUOUS + "'")) {
            while (rs.next()) {
                successors.add("qpv:" + rs.getString(1));
            }
        }
        assertThat(successors).hasSize(2);

        for (String path : List.of("/api/actors?territory=qpv:" + AMBIGUOUS, "/api/export/actors.geojson?territory=qpv:" + AMBIGUOUS,
                "/api/territories/qpv/" + AMBIGUOUS)) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            JsonNode problem = json(response);
            assertThat(problem.path("parameter").asString()).isEqualTo(path.contains("territory=") ? "territory" : "code");
            assertThat(problem.path("replacements").valueStream().map(JsonNode::asString)).containsExactlyElementsOf(successors);
            assertThat(problem.path("detail").asString()).contains(AMBIGUOUS + " (Quartier fictif) is a former qpv code, from QPV 2015 (test)")
                    .contains("covered by 2 qpv").contains(successors.get(0).substring(4)).contains(successors.get(1).substring(4));
        }
    }

    @Test
    void anUnknownCodeIsStillRefusedAsBefore() {
        HttpResponse<String> filter = get("/api/actors?territory=qpv:QP000000");
        assertThat(filter.statusCode()).isEqualTo(400);
        assertThat(json(filter).path("detail").asString()).isEqualTo("No qpv with code 'QP000000'");
        assertThat(get("/api/territories/qpv/QP000000").statusCode()).isEqualTo(404);
    }
}
