package org.atlascitoyen.mapservice.ogc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** OGC API Features Part 1 over the demo data, checked against SQL on the same database. */
class OgcApiIT extends DemoServiceIT {

    private static final List<String> COLLECTIONS = List.of("actors", "initiatives", "persons", "needs-offers",
            "events", "experiences", "communes", "epci", "petr", "bassins_vie", "departements", "regions", "qpv", "pnr");

    @Test
    void theLandingPageLinksToTheApiDescriptionConformanceAndData() {
        HttpResponse<String> response = get("/ogc");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Map<String, JsonNode> links = byRel(json(response).path("links"));
        assertThat(links).containsKeys("self", "service-desc", "conformance", "data");
        assertThat(links.get("service-desc").path("type").asString()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
        for (String rel : List.of("self", "conformance", "data")) {
            assertThat(links.get(rel).path("type").asString()).isEqualTo("application/json");
            assertThat(follow(links.get(rel)).statusCode()).as(rel).isEqualTo(200);
        }
        assertThat(json(get("/ogc/")).path("title").asString()).isEqualTo("Atlas Citoyen");
    }

    @Test
    void theApiDefinitionDescribesTheOgcApiAloneInTheMediaTypeTheLandingPageAdvertises() {
        Map<String, JsonNode> links = byRel(json(get("/ogc")).path("links"));
        String openApi = "application/vnd.oai.openapi+json;version=3.0";
        assertThat(links.get("service-desc").path("href").asString()).endsWith("/ogc/api");
        HttpResponse<String> response = get("/ogc/api", HttpResponse.BodyHandlers.ofString(), "Accept", openApi);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(openApi);
        JsonNode doc = json(response);
        assertThat(doc.path("openapi").asString()).startsWith("3.0");
        assertThat(doc.path("servers").get(0).path("url").asString()).isEqualTo("http://localhost:" + port + "/ogc");
        assertThat(doc.path("paths").propertyNames()).containsExactly("/", "/conformance", "/api", "/collections",
                "/collections/{collectionId}", "/collections/{collectionId}/items",
                "/collections/{collectionId}/items/{featureId}");
        assertThat(doc.path("components").path("parameters").path("collectionId").path("schema").path("enum")
                .valueStream().map(JsonNode::asString)).containsExactlyElementsOf(COLLECTIONS);
        assertThat(doc.path("components").path("parameters").path("crs").path("schema").path("enum").size()).isEqualTo(4);
        // Every queryable is a parameter of items, as a GIS client building a request reads it.
        assertThat(doc.path("paths").path("/collections/{collectionId}/items").path("get").path("parameters").toString())
                .contains("q_theme", "q_departement", "q_category", "bbox-crs");

        assertThat(get("/ogc/api?f=json").headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(get("/ogc/api", HttpResponse.BodyHandlers.ofString(), "Accept", "application/json").statusCode())
                .isEqualTo(200);
        HttpResponse<String> page = get("/ogc/api", HttpResponse.BodyHandlers.ofString(), "Accept", "text/html");
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body()).contains("<h2>GET <code>http://localhost:" + port + "/ogc/collections/{collectionId}/items</code>");
        assertThat(links.get("service-doc").path("type").asString()).isEqualTo("text/html");
        assertThat(follow(links.get("service-doc")).body()).isEqualTo(page.body());
        assertThat(get("/ogc/api?f=yaml").statusCode()).isEqualTo(400);
    }

    @Test
    void conformanceClaimsCoreGeoJsonOpenApiAndCrs() {
        assertThat(json(get("/ogc/conformance")).path("conformsTo").valueStream().map(JsonNode::asString)).startsWith(
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    }

    @Test
    void everyCollectionHasItsLinksExtentAndCrs() throws SQLException {
        JsonNode collections = json(get("/ogc/collections")).path("collections");

        assertThat(collections.valueStream().map(c -> c.path("id").asString())).containsExactlyElementsOf(COLLECTIONS);
        for (JsonNode c : collections) {
            String id = c.path("id").asString();
            assertThat(c.path("itemType").asString()).as(id).isEqualTo("feature");
            assertThat(c.path("crs").get(0).asString()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
            // none of these in this fixture: an empty collection has no extent (record-extent.sql)
            if (!List.of("persons", "needs-offers", "events", "experiences").contains(id)) {
                assertThat(c.path("extent").path("spatial").path("bbox").get(0).size()).as(id).isEqualTo(4);
            }
            Map<String, JsonNode> links = byRel(c.path("links"));
            assertThat(links.get("items").path("type").asString()).isEqualTo("application/geo+json");
            assertThat(json(follow(links.get("self"))).path("id").asString()).isEqualTo(id);
            assertThat(json(follow(links.get("items"))).path("type").asString()).isEqualTo("FeatureCollection");
        }
        JsonNode actors = json(get("/ogc/collections/actors")).path("extent");
        double[] box = doubles(actors.path("spatial").path("bbox").get(0));
        assertThat(count("SELECT count(*) FROM actor WHERE NOT geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)",
                box[0], box[1], box[2], box[3])).isZero();
        JsonNode interval = actors.path("temporal").path("interval").get(0);
        assertThat(OffsetDateTime.parse(interval.get(0).asString()).toInstant())
                .isEqualTo(instant("SELECT min(updated_at) FROM actor"));
        assertThat(OffsetDateTime.parse(interval.get(1).asString()).toInstant())
                .isEqualTo(instant("SELECT max(updated_at) FROM actor"));
        assertThat(json(get("/ogc/collections/communes")).path("extent").has("temporal")).isFalse();
        assertThat(get("/ogc/collections/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void pagingThroughAllActorsGivesEachOnce() throws SQLException {
        long total = count("SELECT count(*) FROM actor");
        List<Long> ids = new ArrayList<>();
        HttpResponse<String> response = get("/ogc/collections/actors/items?limit=100");
        int pages = 0;
        while (true) {
            JsonNode page = json(response);
            pages++;
            assertThat(page.path("numberMatched").asLong()).isEqualTo(total);
            assertThat(page.path("numberReturned").asInt()).isEqualTo(page.path("features").size());
            page.path("features").forEach(f -> ids.add(f.path("id").asLong()));
            Map<String, JsonNode> links = byRel(page.path("links"));
            assertThat(links.containsKey("prev")).isEqualTo(pages > 1);
            if (!links.containsKey("next")) {
                break;
            }
            assertThat(links.get("next").path("type").asString()).isEqualTo("application/geo+json");
            response = follow(links.get("next"));
        }
        assertThat(ids).hasSize((int) total).doesNotHaveDuplicates().isSorted();
        assertThat(pages).isEqualTo((int) Math.ceil(total / 100.0));
    }

    @Test
    void aBoxSelectsWhatSqlSelects() throws SQLException {
        JsonNode actors = json(get("/ogc/collections/actors/items?bbox=1.3,43.5,1.6,43.7&limit=1000"));
        long inBox = count("SELECT count(*) FROM actor WHERE geom && ST_MakeEnvelope(1.3, 43.5, 1.6, 43.7, 4326)");
        assertThat(inBox).isPositive();
        assertThat(actors.path("numberMatched").asLong()).isEqualTo(inBox);
        assertThat(actors.path("features")).hasSize((int) inBox).allSatisfy(f -> {
            double[] lonLat = doubles(f.path("geometry").path("coordinates"));
            assertThat(lonLat[0]).isBetween(1.3, 1.6);
            assertThat(lonLat[1]).isBetween(43.5, 43.7);
        });
        JsonNode communes = json(get("/ogc/collections/communes/items?bbox=1.3,43.5,1.6,43.7&limit=1"));
        assertThat(communes.path("numberMatched").asLong()).isEqualTo(count("SELECT count(*) FROM territory WHERE kind ="
                + " 'commune' AND ST_Intersects(geom, ST_MakeEnvelope(1.3, 43.5, 1.6, 43.7, 4326))"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "actors | type=association&departement=31 | SELECT count(*) FROM actor WHERE type = 'association' AND departement = '31'",
            "actors | type=association,tiers_lieu | SELECT count(*) FROM actor WHERE type IN ('association', 'tiers_lieu')",
            "actors | theme=climat&theme=energie | SELECT count(*) FROM actor WHERE themes && ARRAY['climat', 'energie']",
            "actors | epci=243100518 | SELECT count(*) FROM actor WHERE epci = '243100518'",
            "initiatives | status=en_cours&theme=climat | SELECT count(*) FROM initiative WHERE status = 'en_cours' AND 'climat' = ANY(themes)",
            "initiatives | bassinVie=31555 | SELECT count(*) FROM initiative WHERE bassin_vie = '31555'",
            "communes | epci=243100518 | SELECT count(*) FROM commune WHERE epci = '243100518'",
            "communes | departement=31&petr=200050938 | SELECT count(*) FROM commune WHERE departement = '31' AND petr = '200050938'",
            "epci | category=METRO | SELECT count(*) FROM territory WHERE kind = 'epci' AND category = 'METRO'"})
    void propertyFiltersSelectWhatSqlSelects(String collection, String query, String sql) throws SQLException {
        assertThat(matched(collection, query)).isEqualTo(count(sql)).isPositive();
    }

    @Test
    void datetimeFiltersTheLastUpdate() throws SQLException {
        String last = instant("SELECT max(updated_at) FROM actor").toString();
        String first = instant("SELECT min(updated_at) FROM actor").toString();
        long total = count("SELECT count(*) FROM actor");

        assertThat(matched("actors", "datetime=" + last)).isEqualTo(count("SELECT count(*) FROM actor WHERE updated_at ="
                + " (SELECT max(updated_at) FROM actor)"));
        assertThat(matched("actors", "datetime=" + first + "/" + last)).isEqualTo(total);
        assertThat(matched("actors", "datetime=../" + first)).isEqualTo(count("SELECT count(*) FROM actor WHERE updated_at ="
                + " (SELECT min(updated_at) FROM actor)"));
        assertThat(matched("actors", "datetime=" + last + "/..")).isPositive().isLessThanOrEqualTo(total);
        assertThat(matched("actors", "datetime=2000-01-01T00:00:00Z/2000-12-31T23:59:59Z")).isZero();
        // A date alone is that whole day, in UTC.
        Instant initiativesUpdate = instant("SELECT max(updated_at) FROM initiative");
        assertThat(matched("initiatives", "datetime=" + initiativesUpdate.atOffset(ZoneOffset.UTC).toLocalDate()))
                .isEqualTo(count("SELECT count(*) FROM initiative WHERE (updated_at AT TIME ZONE 'UTC')::date ="
                        + " (SELECT (max(updated_at) AT TIME ZONE 'UTC')::date FROM initiative)")).isPositive();
    }

    @Test
    void aFeatureOnItsOwnLinksToItselfAndItsCollection() throws SQLException {
        long id = count("SELECT min(id) FROM actor");
        HttpResponse<String> response = get("/ogc/collections/actors/items/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        JsonNode feature = json(response);
        assertThat(feature.path("id").asLong()).isEqualTo(id);
        assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Point");
        assertThat(byRel(feature.path("links"))).containsKeys("self", "collection");
        JsonNode toulouse = json(get("/ogc/collections/communes/items/31555"));
        assertThat(toulouse.path("properties").path("name").asString()).isEqualTo("Toulouse");
        assertThat(toulouse.path("properties").path("epci").asString()).isEqualTo("243100518");
        assertThat(toulouse.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        HttpResponse<String> missing = get("/ogc/collections/actors/items/999999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/ogc/collections/communes/items/00000").statusCode()).isEqualTo(404);
    }

    @Test
    void actorsCarryNoPrivateField() throws SQLException {
        HttpResponse<String> response = get("/ogc/collections/actors/items?limit=10000");
        JsonNode properties = json(response).path("features").get(0).path("properties");

        assertThat(properties.propertyNames()).doesNotContain("email", "phone");
        List<String> privateValues = texts("SELECT email FROM actor WHERE email IS NOT NULL UNION ALL"
                + " SELECT phone FROM actor WHERE phone IS NOT NULL");
        assertThat(privateValues).isNotEmpty();
        assertThat(privateValues).allSatisfy(value -> assertThat(response.body()).doesNotContain(value));
    }

    @Test
    void aLimitAboveTheMaximumIsLoweredAndFormatsAreNegotiated() {
        JsonNode page = json(get("/ogc/collections/communes/items?limit=20000&offset=4000&departement=31"));
        assertThat(byRel(page.path("links")).get("prev").path("href").asString())
                .endsWith("/ogc/collections/communes/items?departement=31&limit=10000&offset=0");

        String items = "/ogc/collections/regions/items";
        assertThat(get(items).headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(get(items + "?f=json").headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(get(items + "?f=geojson").headers().firstValue("Content-Type")).hasValue("application/geo+json");
        assertThat(json(get(items)).path("features").get(0).path("properties").path("code").asString()).isEqualTo("76");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "actors/items?bbox=1.3,43.5,1.6 | bbox",
            "actors/items?bbox=1.3,43.7,1.6,43.5 | bbox",
            "actors/items?bbox=1.3,43.5,0,1.6,43.7 | bbox",
            "actors/items?bbox=1.3,43.5,1.3,43.7 | bbox",
            "actors/items?bbox=181,43.5,182,43.7 | bbox",
            "actors/items?bbox=43.5,1.3,43.7,1.6&bbox-crs=EPSG:4326&bbox=1,2,3,4 | bbox",
            "actors/items?bbox=1.3,43.5,1.6,43.7&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/9999 | bbox-crs",
            "actors/items?bbox=5e7,6e6,5.1e7,6.1e6&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154 | bbox",
            "actors/items?bbox=NaN,6e6,5e5,6.1e6&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154 | bbox",
            "actors/items?crs=EPSG:9999 | crs",
            "actors/items?crs=http://www.opengis.net/def/crs/EPSG/0/2154&crs=EPSG:3857 | crs",
            "communes/items/31555?crs=urn:ogc:def:crs:EPSG::27572 | crs",
            "actors/items?limit=0 | limit",
            "actors/items?limit=ten | limit",
            "actors/items?offset=-1 | offset",
            "actors/items?datetime=yesterday | datetime",
            "actors/items?datetime=2026-02-01T00:00:00Z/2026-01-01T00:00:00Z | datetime",
            "communes/items?datetime=2026-01-01T00:00:00Z/.. | datetime",
            "actors/items?status=en_cours | status",
            "actors/items?type=club | type",
            "actors/items?limt=10 | limt",
            "actors/items?f=html | f",
            "actors/items/1?limit=1 | limit",
            "actors?f=html | f"})
    void badParametersAreProblemsNamingThem(String request, String parameter) {
        HttpResponse<String> response = get("/ogc/collections/" + request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("parameter").asString()).isEqualTo(parameter);
    }

    /** numberMatched of a collection's items, for a query string. */
    private long matched(String collection, String query) {
        HttpResponse<String> response = get("/ogc/collections/" + collection + "/items?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).path("numberMatched").asLong();
    }

    private HttpResponse<String> follow(JsonNode link) {
        String href = link.path("href").asString();
        String root = "http://localhost:" + port;
        assertThat(href).startsWith(root);
        return get(href.substring(root.length()));
    }

    private static Map<String, JsonNode> byRel(JsonNode links) {
        return links.valueStream().collect(Collectors.toMap(l -> l.path("rel").asString(), l -> l));
    }

    private static double[] doubles(JsonNode array) {
        return array.valueStream().mapToDouble(JsonNode::asDouble).toArray();
    }

    private static long count(String sql, Object... args) throws SQLException {
        return query(sql, args, rs -> rs.getLong(1));
    }

    private static Instant instant(String sql) throws SQLException {
        return query(sql, new Object[0], rs -> rs.getObject(1, OffsetDateTime.class).toInstant());
    }

    private static List<String> texts(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DEMO.connect(); PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first row of a query on the demo database, read as the owner. */
    private static <T> T query(String sql, Object[] args, Reader<T> reader) throws SQLException {
        try (Connection c = DEMO.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("a row from " + sql).isTrue();
                return reader.read(rs);
            }
        }
    }
}
