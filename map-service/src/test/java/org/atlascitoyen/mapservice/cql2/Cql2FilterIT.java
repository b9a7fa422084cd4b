package org.atlascitoyen.mapservice.cql2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * OGC API Features Part 3 over the demo data: each CQL2 filter's numberMatched against an
 * independent SQL count on the same database, and hostile filters answered 400 naming
 * {@code filter}, with the data intact afterwards.
 */
class Cql2FilterIT extends DemoServiceIT {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            actors      | type = 'association'                                    | type = 'association'                                 | true
            actors      | 'association' = type                                    | type = 'association'                                 | true
            actors      | type <> 'association' AND departement = '31'            | type <> 'association' AND departement = '31'         | true
            actors      | type IN ('association', 'tiers_lieu')                   | type IN ('association', 'tiers_lieu')                | true
            actors      | type NOT IN ('association', 'tiers_lieu')               | type NOT IN ('association', 'tiers_lieu')            | true
            actors      | commune LIKE '31%'                                      | commune LIKE '31%'                                   | true
            actors      | commune LIKE '3_555'                                    | commune LIKE '3_555'                                 | true
            actors      | commune NOT LIKE '31%'                                  | commune NOT LIKE '31%'                               | true
            actors      | (type ILIKE 'ASSOC%') AND (departement = '31')          | type ILIKE 'assoc%' AND departement = '31'           | true
            actors      | petr IS NULL                                            | petr IS NULL                                         | true
            actors      | petr IS NOT NULL                                        | petr IS NOT NULL                                     | true
            actors      | NOT (departement = '31' OR departement = '34')          | NOT (departement = '31' OR departement = '34')       | true
            actors      | (type = 'association' OR type = 'tiers_lieu') AND NOT departement < '31' | (type = 'association' OR type = 'tiers_lieu') AND NOT departement < '31' | true
            actors      | departement >= '31' and departement <= '34'             | departement >= '31' AND departement <= '34'          | true
            actors      | commune BETWEEN '31000' AND '31999'                     | commune BETWEEN '31000' AND '31999'                  | true
            actors      | theme = 'culture'                                       | 'culture' = ANY(themes)                              | true
            actors      | theme <> 'culture'                                      | NOT ('culture' = ANY(themes))                        | true
            actors      | theme IN ('culture', 'climat')                          | themes && ARRAY['culture', 'climat']                 | true
            actors      | theme LIKE 'cl%'                                        | EXISTS (SELECT FROM unnest(themes) t WHERE t LIKE 'cl%') | true
            actors      | S_INTERSECTS(geometry, BBOX(1.3, 43.5, 1.6, 43.7))      | ST_Intersects(geom, ST_MakeEnvelope(1.3, 43.5, 1.6, 43.7, 4326)) | true
            actors      | S_INTERSECTS(geometry, POLYGON((1 43, 2 43, 2 44, 1 44, 1 43))) | ST_Intersects(geom, ST_MakeEnvelope(1, 43, 2, 44, 4326)) | true
            actors      | s_intersects(geometry, POINT(1.444 43.604))             | ST_Intersects(geom, ST_SetSRID(ST_MakePoint(1.444, 43.604), 4326)) | false
            actors      | S_INTERSECTS(geometry, POLYGON((0 42, 4 42, 4 45, 0 45, 0 42), (1 43, 2 43, 2 44, 1 44, 1 43))) | ST_Intersects(geom, ST_MakeEnvelope(0, 42, 4, 45, 4326)) AND NOT ST_Intersects(geom, ST_MakeEnvelope(1, 43, 2, 44, 4326)) | true
            actors      | T_INTERSECTS(updatedAt, INTERVAL('2000-01-01', '..'))   | updated_at >= '2000-01-01'                           | true
            actors      | T_INTERSECTS(updatedAt, INTERVAL('..', '2000-01-01'))   | updated_at < '2000-01-02'                            | false
            actors      | updatedAt > TIMESTAMP('2000-01-01T00:00:00Z')           | updated_at > '2000-01-01T00:00:00Z'                  | true
            actors      | TRUE                                                    | TRUE                                                 | true
            initiatives | status = 'en_cours' OR status = 'terminee'              | status IN ('en_cours', 'terminee')                   | true
            initiatives | status IN ('idee') AND theme IS NOT NULL                | status = 'idee' AND cardinality(themes) > 0          | false
            communes    | departement = '31' AND epci IS NOT NULL                 | code IN (SELECT code FROM commune WHERE departement = '31' AND epci IS NOT NULL) | true
            epci        | category = 'CC'                                         | kind = 'epci' AND category = 'CC'                    | true
            departements| S_INTERSECTS(geometry, POINT(1.444 43.604))             | kind = 'departement' AND code = '31'                 | true
            """)
    void aFilterMatchesWhatSqlCounts(String collection, String filter, String sql, boolean positive) throws SQLException {
        long expected = count(collection, sql);

        HttpResponse<String> response = items(collection, "filter=" + encode(filter) + "&limit=1");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("numberMatched").asLong()).as(filter).isEqualTo(expected);
        if (positive) {
            assertThat(expected).as("a case that selects something").isPositive();
        }
    }

    @Test
    void cql2JsonMeansWhatTheTextMeans() throws SQLException {
        String filter = """
                {"op": "and", "args": [
                  {"op": "<>", "args": [{"property": "type"}, "association"]},
                  {"op": "in", "args": [{"property": "departement"}, ["31", "34"]]},
                  {"op": "s_intersects", "args": [{"property": "geometry"}, {"bbox": [0, 42, 5, 45]}]},
                  {"op": "t_intersects", "args": [{"property": "updatedAt"}, {"interval": ["2000-01-01", ".."]}]},
                  {"op": "not", "args": [{"op": "isNull", "args": [{"property": "commune"}]}]}]}""";
        long expected = count("actors", "type <> 'association' AND departement IN ('31', '34')"
                + " AND ST_Intersects(geom, ST_MakeEnvelope(0, 42, 5, 45, 4326)) AND commune IS NOT NULL");

        HttpResponse<String> response = items("actors", "filter-lang=cql2-json&filter=" + encode(filter));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("numberMatched").asLong()).isEqualTo(expected).isPositive();
        assertThat(json(items("actors", "filter-lang=cql2-json&filter="
                + encode("{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Polygon\","
                + " \"coordinates\": [[[1, 43], [2, 43], [2, 44], [1, 44], [1, 43]]]}]}"))).path("numberMatched").asLong())
                .isEqualTo(count("actors", "ST_Intersects(geom, ST_MakeEnvelope(1, 43, 2, 44, 4326))"));
    }

    @Test
    void theFilterIsAndedWithTheOtherParameters() throws SQLException {
        long expected = count("actors", "type = 'association' AND departement = '31'"
                + " AND geom && ST_MakeEnvelope(1.0, 43.0, 2.0, 44.0, 4326) AND 'culture' = ANY(themes)");

        HttpResponse<String> response = items("actors", "bbox=1,43,2,44&theme=culture&filter="
                + encode("type = 'association' AND departement = '31'"));

        assertThat(json(response).path("numberMatched").asLong()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            type = 'x'; DROP TABLE actor; --                       | Unexpected character ';'
            type = 'x' OR 1=1                                      | Expected a property name
            type = 'x'' OR ''1''=''1'                              | -
            TYPE = 'association'                                   | Unknown property 'TYPE'
            name = 'Maison'                                        | Unknown property 'name'
            email IS NOT NULL                                      | Unknown property 'email'
            pg_sleep(10) IS NULL                                   | Unsupported function or operator pg_sleep
            CASEI(type) = 'association'                            | Unsupported function
            type = 3                                               | is a string
            theme < 'culture'                                      | is a list
            geometry = 'POINT(1 2)'                                | is a geometry
            S_WITHIN(geometry, POINT(1 43))                        | Unsupported function or operator S_WITHIN
            S_INTERSECTS(type, POINT(1 43))                        | takes the geometry property
            S_INTERSECTS(geometry, POLYGON((1 43, 2 43, 2 44, 1 44))) | closed
            S_INTERSECTS(geometry, POINT(500 43))                  | out of range
            S_INTERSECTS(geometry, POINT(1 43 12))                 | 2D
            S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(1 43))) | Unsupported geometry
            T_INTERSECTS(updatedAt, DATE('2024-13-45'))            | Not a date
            T_INTERSECTS(type, DATE('2024-01-01'))                 | temporal property
            T_BEFORE(updatedAt, DATE('2024-01-01'))                | Unsupported function or operator T_BEFORE
            type == 'association'                                  | Expected a value
            type != 'association'                                  | write <>
            (type = 'association'                                  | Expected ')'
            type = 'association')                                  | after a complete filter
            type = 'unclosed                                       | Unclosed
            type LIKE 3                                            | LIKE takes a 'pattern'
            type = 'a' AND                                         | Expected a property name
            updatedAt > 1 + 1                                      | Unexpected character '+'
            """)
    void hostileOrUnsupportedFiltersAreRefusedNamingFilter(String filter, String detail) throws SQLException {
        long before = count("actors", "TRUE");

        HttpResponse<String> response = items("actors", "filter=" + encode(filter));

        if (detail.equals("-")) { // a quote inside a string is a value, not SQL: nothing matches
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).path("numberMatched").asLong()).isZero();
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json(response);
            assertThat(problem.path("parameter").asString()).isEqualTo("filter");
            assertThat(problem.path("detail").asString()).contains(detail);
        }
        assertThat(count("actors", "TRUE")).isEqualTo(before);
    }

    @Test
    void filtersAreBoundedInLengthDepthAndTerms() {
        String deep = "(".repeat(200) + "type = 'association'" + ")".repeat(200);
        String nots = "NOT ".repeat(200) + "type = 'association'";
        String manyTerms = String.join(" OR ", Collections.nCopies(150, "type='a'"));
        String hugeList = "commune IN (" + String.join(",", Collections.nCopies(120, "'31555'")) + ")";
        String longText = "type = 'association'" + " ".repeat(2000);
        String deepJson = "{\"op\":\"not\",\"args\":[".repeat(50) + "true" + "]}".repeat(50);

        assertRefused("filter=" + encode(deep), "nested deeper");
        assertRefused("filter=" + encode(nots), "nested deeper");
        assertRefused("filter=" + encode(manyTerms), "more than 100 terms");
        assertRefused("filter=" + encode(hugeList), "more than 100 terms");
        assertRefused("filter=" + encode(longText), "characters");
        assertRefused("filter-lang=cql2-json&filter=" + encode(deepJson), "nested deeper");
        assertRefused("filter-lang=cql2-json&filter=" + encode("{\"op\": \"=\", \"args\": [{\"property\": \"type\"}"),
                "Not valid JSON");
        assertRefused("filter-lang=cql2-json&filter=" + encode("{\"op\": \"casei\", \"args\": []}"), "Unsupported operator");
        assertThat(json(items("actors", "filter-lang=sql&filter=TRUE")).path("parameter").asString())
                .isEqualTo("filter-lang");
        assertThat(json(items("actors", "filter-crs=EPSG:2154&filter=TRUE")).path("parameter").asString())
                .isEqualTo("filter-crs");
    }

    @Test
    void conformanceAdvertisesFiltering() {
        assertThat(json(get("/ogc/conformance")).path("conformsTo").valueStream().map(JsonNode::asString))
                .contains("http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
                        "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
                        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
                        "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
                        "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2");
    }

    private void assertRefused(String query, String detail) {
        HttpResponse<String> response = items("actors", query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).path("parameter").asString()).isEqualTo("filter");
        assertThat(json(response).path("detail").asString()).contains(detail);
    }

    private HttpResponse<String> items(String collection, String query) {
        return get("/ogc/collections/" + collection + "/items?" + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The independent count: the collection's table with a WHERE clause written here by hand. */
    private static long count(String collection, String where) throws SQLException {
        String sql = switch (collection) {
            case "actors" -> "SELECT count(*) FROM actor WHERE " + where;
            case "initiatives" -> "SELECT count(*) FROM initiative WHERE " + where;
            case "communes" -> "SELECT count(*) FROM territory WHERE kind = 'commune' AND " + where;
            default -> "SELECT count(*) FROM territory WHERE " + where;
        };
        try (Connection c = DEMO.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
