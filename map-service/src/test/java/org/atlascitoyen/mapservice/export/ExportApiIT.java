package org.atlascitoyen.mapservice.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.data.Offset;
import org.atlascitoyen.mapservice.DemoServiceIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The exports over the demo directory, checked against the paged lists: the same records in the
 * same order for every filter, the same public fields, files that spreadsheets and GIS read.
 */
class ExportApiIT extends DemoServiceIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @ParameterizedTest
    @ValueSource(strings = {"", "theme=climat", "territory=epci:243100518", "territory=departement:31&theme=alimentation"
            + "&type=association", "q=jardin", "near=1.444,43.604&radius=20000", "near=1.444,43.604&radius=80000&theme="
            + "solidarites&q=atelier", "bbox=1.2,43.4,1.7,43.8&type=association", "updatedSince=2020-01-01"})
    void actorExportsHoldTheListsRecordsInItsOrder(String filter) throws IOException {
        List<JsonNode> list = list("actors", filter);
        assertThat(geoJsonIds(export("actors.geojson", filter))).isEqualTo(ids(list));
        assertThat(csvIds(parse(export("actors.csv", filter), ','))).isEqualTo(ids(list));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "status=en_cours", "status=terminee&status=abandonnee&theme=alimentation",
            "territory=epci:243100518", "q=jardin", "near=1.444,43.604&radius=30000"})
    void initiativeExportsHoldTheListsRecordsInItsOrder(String filter) throws IOException {
        List<JsonNode> list = list("initiatives", filter);
        assertThat(geoJsonIds(export("initiatives.geojson", filter))).isEqualTo(ids(list));
        assertThat(csvIds(parse(export("initiatives.csv", filter), ','))).isEqualTo(ids(list));
    }

    @Test
    void theFiltersOfTheseTestsSelectSomethingAndNotEverything() {
        long all = json(get("/api/actors?limit=1")).path("numberMatched").asLong();
        assertThat(all).isGreaterThan(500);
        for (String filter : List.of("theme=climat", "territory=epci:243100518", "q=jardin", "near=1.444,43.604&radius=20000",
                "territory=departement:31&theme=alimentation&type=association")) {
            assertThat(json(get("/api/actors?limit=1&" + filter)).path("numberMatched").asLong()).as(filter)
                    .isBetween(1L, all - 1);
        }
    }

    @Test
    void geoJsonFeaturesAreTheListsWithAddressAndRegistryNumbers() {
        HttpResponse<String> response = get("/api/export/actors.geojson?territory=departement:31");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        JsonNode collection = json(response);
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        List<JsonNode> exported = collection.path("features").valueStream().toList();
        List<JsonNode> listed = list("actors", "territory=departement:31");
        assertThat(exported).hasSameSizeAs(listed).isNotEmpty();
        for (int i = 0; i < listed.size(); i++) {
            JsonNode feature = exported.get(i);
            JsonNode expected = listed.get(i);
            assertThat(feature.path("type").asString()).isEqualTo("Feature");
            assertThat(feature.path("id")).isEqualTo(expected.path("id"));
            assertThat(feature.path("geometry")).isEqualTo(expected.path("geometry"));
            Set<String> extra = new HashSet<>(feature.path("properties").propertyNames());
            for (String name : expected.path("properties").propertyNames()) {
                assertThat(feature.path("properties").path(name)).as(name).isEqualTo(expected.path("properties").path(name));
                extra.remove(name);
            }
            assertThat(extra).containsExactlyInAnyOrder("address", "postcode", "siren", "rna");
            feature.path("geometry").path("coordinates").values().forEach(c -> assertThat(c.asDouble() * 1e6)
                    .isCloseTo(Math.rint(c.asDouble() * 1e6), Offset.offset(1e-6)));
        }
    }

    @Test
    void initiativeFeaturesCarryLessonsLearnedDatesAndAddress() {
        List<JsonNode> exported = json(get("/api/export/initiatives.geojson?status=abandonnee")).path("features")
                .valueStream().toList();
        List<JsonNode> listed = list("initiatives", "status=abandonnee");
        assertThat(exported).hasSameSizeAs(listed).isNotEmpty();
        for (int i = 0; i < listed.size(); i++) {
            Set<String> extra = new HashSet<>(exported.get(i).path("properties").propertyNames());
            for (String name : listed.get(i).path("properties").propertyNames()) {
                assertThat(exported.get(i).path("properties").path(name)).as(name)
                        .isEqualTo(listed.get(i).path("properties").path(name));
                extra.remove(name);
            }
            assertThat(extra).containsExactlyInAnyOrder("address", "postcode");
        }
        assertThat(exported).anySatisfy(f -> assertThat(f.path("properties").path("lessonsLearned").asString()).isNotBlank());
    }

    @Test
    void csvIsUtf8WithBomHeaderAndCrlfRecords() throws IOException {
        HttpResponse<String> response = get("/api/export/actors.csv?territory=departement:31");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").containsIgnoringCase(
                "charset=UTF-8");
        assertThat(response.body()).startsWith("\uFEFFid,name,type,typeLabel,themes,").endsWith("\r\n");
        String body = response.body().substring(1);
        List<CSVRecord> records = parse(response, ',');
        assertThat(records.get(0).toList()).contains("lon", "lat", "address", "postcode", "siren", "rna", "sources")
                .doesNotContain("email", "phone", "distance");
        for (CSVRecord record : records.subList(1, records.size())) {
            int start = (int) record.getCharacterPosition();
            assertThat(body.substring(start - 2, start)).as("before record " + record.getRecordNumber()).isEqualTo("\r\n");
        }
        // Every record has every column, and the columns read as the GeoJSON says.
        JsonNode first = json(get("/api/export/actors.geojson?territory=departement:31")).path("features").get(0);
        CSVRecord row = records.get(1);
        List<String> header = records.get(0).toList();
        assertThat(records).allSatisfy(r -> assertThat(r.size()).isEqualTo(header.size()));
        assertThat(row.get(header.indexOf("name"))).isEqualTo(first.path("properties").path("name").asString());
        assertThat(Double.parseDouble(row.get(header.indexOf("lon"))))
                .isEqualTo(first.path("geometry").path("coordinates").get(0).asDouble());
        assertThat(row.get(header.indexOf("themes")).split("\\|", -1)).containsExactlyElementsOf(
                first.path("properties").path("themes").valueStream().map(JsonNode::asString).toList());
        assertThat(row.get(header.indexOf("updatedAt"))).isEqualTo(first.path("properties").path("updatedAt").asString());
    }

    @Test
    void semicolonOptionWritesDecimalCommas() throws IOException {
        HttpResponse<String> response = get("/api/export/initiatives.csv?sep=semicolon&near=1.444,43.604&radius=30000");
        assertThat(response.body()).startsWith("\uFEFFid;name;status;");
        List<CSVRecord> records = parse(response, ';');
        List<String> header = records.get(0).toList();
        assertThat(header.get(header.size() - 1)).isEqualTo("distance");
        List<JsonNode> listed = list("initiatives", "near=1.444,43.604&radius=30000");
        assertThat(records).hasSize(listed.size() + 1);
        for (int i = 0; i < listed.size(); i++) {
            CSVRecord row = records.get(i + 1);
            JsonNode coordinates = listed.get(i).path("geometry").path("coordinates");
            assertThat(row.get(header.indexOf("lon"))).doesNotContain(".");
            assertThat(decimal(row.get(header.indexOf("lon")))).isEqualTo(coordinates.get(0).asDouble());
            assertThat(decimal(row.get(header.indexOf("lat")))).isEqualTo(coordinates.get(1).asDouble());
            assertThat(Long.parseLong(row.get(header.indexOf("distance"))))
                    .isEqualTo(listed.get(i).path("properties").path("distance").asLong());
        }
    }

    @Test
    void noEmailOrPhoneLeavesThroughAnExport() throws SQLException {
        List<String> privateValues = new ArrayList<>();
        try (Connection c = DEMO.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT email FROM actor WHERE email IS NOT NULL "
                     + "UNION SELECT phone FROM actor WHERE phone IS NOT NULL")) {
            while (rs.next()) {
                privateValues.add(rs.getString(1));
            }
        }
        assertThat(privateValues).as("the demo directory has emails to hide").hasSizeGreaterThan(10);
        for (String path : List.of("actors.csv", "actors.csv?sep=semicolon", "actors.geojson")) {
            String body = get("/api/export/" + path).body();
            assertThat(privateValues).as(path).noneSatisfy(value -> assertThat(body).contains(value));
        }
    }

    @Test
    void fileNameSaysWhatWasFilteredAndWhen() {
        LocalDate before = LocalDate.now(PARIS);
        HttpResponse<String> response = get("/api/export/actors.csv?territory=epci:243100518&theme=climat");
        LocalDate after = LocalDate.now(PARIS);
        String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
        assertThat(disposition).isIn("attachment; filename=\"atlas-actors_epci-243100518_theme-climat_" + before + ".csv\"",
                "attachment; filename=\"atlas-actors_epci-243100518_theme-climat_" + after + ".csv\"");
        assertThat(get("/api/export/initiatives.geojson").headers().firstValue("Content-Disposition").orElseThrow())
                .matches("attachment; filename=\"atlas-initiatives_\\d{4}-\\d{2}-\\d{2}\\.geojson\"");
    }

    @Test
    void headAnswersTheHeadersOfTheFile() throws Exception {
        String path = "/api/export/initiatives.csv?status=en_cours&sep=semicolon";
        HttpResponse<String> get = get(path);
        HttpResponse<String> head = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String header : List.of("Content-Type", "Content-Disposition")) {
            assertThat(head.headers().firstValue(header)).as(header).isPresent().isEqualTo(get.headers().firstValue(header));
        }
    }

    @Test
    void badParametersAreProblemsBeforeAnyByteOfTheFile() {
        assertProblem("/api/export/actors.csv?theme=nope", "theme");
        assertProblem("/api/export/actors.geojson?territory=epci:000000000", "territory");
        assertProblem("/api/export/actors.csv?status=en_cours", "status");
        assertProblem("/api/export/initiatives.geojson?type=association", "type");
        assertProblem("/api/export/initiatives.csv?radius=100", "radius");
        assertProblem("/api/export/actors.csv?bbox=1,2,3", "bbox");
        assertProblem("/api/export/actors.csv?sep=tab", "sep");
        assertProblem("/api/export/actors.geojson?sep=semicolon", "sep");
        assertProblem("/api/export/actors.csv?limit=10", "limit");
    }

    @Test
    void anEmptySelectionIsAFileWithoutRecords() throws IOException {
        String filter = "bbox=-0.5,45.0,-0.4,45.1"; // Gironde: outside the region
        assertThat(list("actors", filter)).isEmpty();
        assertThat(json(get("/api/export/actors.geojson?" + filter)).path("features").isEmpty()).isTrue();
        List<CSVRecord> records = parse(export("actors.csv", filter), ',');
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get(0)).isEqualTo("id");
    }

    private void assertProblem(String path, String parameter) {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Content-Disposition")).as(path).isEmpty();
        assertThat(json(response).path("parameter").asString()).as(path).isEqualTo(parameter);
    }

    private HttpResponse<String> export(String file, String filter) {
        HttpResponse<String> response = get("/api/export/" + file + (filter.isEmpty() ? "" : "?" + filter));
        assertThat(response.statusCode()).as(file + "?" + filter).isEqualTo(200);
        return response;
    }

    /** Every feature of a list, page after page, in the list's order. */
    private List<JsonNode> list(String dataset, String filter) {
        List<JsonNode> features = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(get("/api/" + dataset + "?limit=1000" + (filter.isEmpty() ? "" : "&" + filter)
                    + (cursor == null ? "" : "&cursor=" + cursor)));
            page.path("features").values().forEach(features::add);
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        } while (cursor != null);
        return features;
    }

    /** A number written with a decimal comma. */
    private static double decimal(String frenchNumber) {
        return Double.parseDouble(frenchNumber.replace(',', '.'));
    }

    private static List<Long> ids(List<JsonNode> features) {
        return features.stream().map(f -> f.path("id").asLong()).toList();
    }

    private static List<Long> geoJsonIds(HttpResponse<String> response) {
        return ids(json(response).path("features").valueStream().toList());
    }

    private static List<Long> csvIds(List<CSVRecord> records) {
        assertThat(records.get(0).get(0)).isEqualTo("id");
        return records.subList(1, records.size()).stream().map(r -> Long.parseLong(r.get(0))).toList();
    }

    /** The records of a CSV body, header first, after its byte order mark (character positions count from there). */
    private static List<CSVRecord> parse(HttpResponse<String> response, char delimiter) throws IOException {
        String body = response.body();
        assertThat(body).startsWith("\uFEFF");
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get();
        try (CSVParser parser = format.parse(new StringReader(body.substring(1)))) {
            return parser.getRecords();
        }
    }
}
