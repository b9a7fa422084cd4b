package org.atlascitoyen.mapservice.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.WebIT;
import org.atlascitoyen.mapservice.bench.SyntheticActors;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports of 100,000 actors, from a database of their own: streamed from the database while the
 * client reads (the export's transaction is still reading after the client has taken its first
 * megabyte and stopped), complete and in order, without private data; the bound on rows and the
 * bound on concurrent exports refuse before any byte. The heap is printed, not asserted: its peak
 * depends on the collector; {@code ./atlas bench export} sets it against the row count.
 */
// count-max 0: the lists count exactly, so that an export can be compared with them.
@TestPropertySource(properties = {"atlas.export-max-rows=" + LargeExportIT.MAX_ROWS, "atlas.export-max-concurrent=1",
    "atlas.count-max=0"})
class LargeExportIT extends WebIT {

    static final int MAX_ROWS = 120_000;
    /** Five types in turn: four of them are 100,000 actors, all of them more than the bound. */
    private static final int ROWS = 125_000;
    private static final String FOUR_TYPES = "type=association&type=tiers_lieu&type=collectif_habitants&type=centre_social";

    /** Sessions of this database, other than the asking one, in the transaction of an actor export. */
    private static final String EXPORT_SESSIONS = " FROM pg_stat_activity WHERE datname = current_database()"
            + " AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
            // The export query's own first line: pg_stat_activity keeps only the first 1,024 bytes of a query.
            + " AND query LIKE '-- Every record of a kind matching a filter, in the filter''s order, for an export%'";
    private static final String COUNT_EXPORTS = "SELECT count(*)" + EXPORT_SESSIONS;
    private static final String END_EXPORTS = "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))" + EXPORT_SESSIONS;

    private static final DatabaseConfig DATABASE = dropOnExit(withSyntheticActors());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        use(registry, DATABASE);
    }

    private static DatabaseConfig withSyntheticActors() {
        DatabaseConfig db = TestDatabases.withTerritories();
        try {
            SyntheticActors.insert(db, ROWS);
            return db;
        } catch (SQLException e) {
            TestDatabases.drop(db);
            throw new IllegalStateException("Cannot insert the synthetic actors", e);
        }
    }

    @Test
    void moreMatchesThanTheBoundAreRefusedBeforeAnyByte() {
        HttpResponse<String> response = get("/api/export/actors.geojson");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        JsonNode problem = json(response);
        assertThat(problem.path("numberMatchedMoreThan").asLong()).isEqualTo(MAX_ROWS);
        assertThat(problem.path("maxRows").asLong()).isEqualTo(MAX_ROWS);
    }

    @Test
    void csvStreamsFromTheDatabaseAsTheClientReads() throws Exception {
        long expected = json(get("/api/actors?limit=1&" + FOUR_TYPES)).path("numberMatched").asLong();
        assertThat(expected).isEqualTo(ROWS * 4 / 5).isLessThanOrEqualTo(MAX_ROWS);
        HttpResponse<InputStream> response = openWhenFree("/api/export/actors.csv?" + FOUR_TYPES);
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            assertThat(body.readNBytes(1 << 20)).hasSize(1 << 20);
            // The client stops reading: the service, blocked on a full socket, is still in its cursor.
            assertThat(exportStillReading()).as("export transaction open after the first megabyte").isTrue();
            // Meanwhile the only export slot is taken.
            HttpResponse<String> second = get("/api/export/initiatives.csv");
            assertThat(second.statusCode()).isEqualTo(503);
            assertThat(second.headers().firstValue("Retry-After")).isPresent();
            assertThat(second.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        // The whole file, from a fresh request (the first one's records end at an arbitrary byte).
        resetHeapPeaks();
        long start = System.nanoTime();
        HttpResponse<InputStream> whole = openWhenFree("/api/export/actors.csv?" + FOUR_TYPES);
        assertThat(whole.statusCode()).isEqualTo(200);
        long records = 0;
        long lastId = 0;
        try (Reader reader = new InputStreamReader(whole.body(), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (CSVRecord record : parser) {
                long id = Long.parseLong(record.get(0));
                assertThat(id).isGreaterThan(lastId);
                lastId = id;
                for (String cell : record) {
                    assertThat(cell).doesNotContain(SyntheticActors.EMAIL_DOMAIN)
                            .doesNotStartWith(SyntheticActors.PHONE_PREFIX);
                }
                records++;
            }
        }
        assertThat(records).isEqualTo(expected);
        print("CSV", records, start);
    }

    @Test
    void geoJsonStreamsEveryFeature() throws Exception {
        long expected = json(get("/api/actors?limit=1&" + FOUR_TYPES)).path("numberMatched").asLong();
        resetHeapPeaks();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = openWhenFree("/api/export/actors.geojson?" + FOUR_TYPES);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
        long features = 0;
        long lastId = 0;
        // One feature at a time: the rest of the collection follows each one.
        ObjectReader featureReader = JsonMapper.shared().reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try (JsonParser parser = featureReader.createParser(response.body())) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(parser.nextName()).isEqualTo("type");
            assertThat(parser.nextStringValue()).isEqualTo("FeatureCollection");
            assertThat(parser.nextName()).isEqualTo("licences"); // the licences of the exported features' sources
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            assertThat(featureReader.readTree(parser).findValuesAsString("source")).containsExactly("synthetic");
            assertThat(parser.nextName()).isEqualTo("features");
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode feature = featureReader.readTree(parser);
                assertThat(feature.path("id").asLong()).isGreaterThan(lastId);
                lastId = feature.path("id").asLong();
                assertThat(feature.path("properties").has("email")).isFalse();
                features++;
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(parser.nextToken()).isEqualTo(JsonToken.END_OBJECT);
        }
        assertThat(features).isEqualTo(expected);
        print("GeoJSON", features, start);
    }

    @Test
    void aFailureAfterTheFirstByteFailsTheDownload() throws Exception {
        HttpResponse<InputStream> response = openWhenFree("/api/export/actors.geojson?" + FOUR_TYPES);
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            body.readNBytes(1 << 20);
            assertThat(exportStillReading()).isTrue();
            // The database goes away in the middle of the export.
            assertThat(exportSessions(END_EXPORTS)).isEqualTo(1);
            // The client must see the transfer fail, not a file that ends as if it were whole.
            assertThatThrownBy(() -> body.transferTo(OutputStream.nullOutputStream())).isInstanceOf(IOException.class);
        }
        // The service goes on: its slot is free again and the pool has replaced the connection.
        HttpResponse<InputStream> next = openWhenFree("/api/export/actors.csv?type=ess");
        assertThat(next.statusCode()).isEqualTo(200);
        next.body().close();
    }

    /** Whether the export's query is still in its transaction, polled for a few seconds. */
    private static boolean exportStillReading() throws SQLException, InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            if (exportSessions(COUNT_EXPORTS) > 0) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /**
     * Runs a query over the sessions in an export's transaction, as the service's role:
     * PostgreSQL shows a session's state, and lets it be ended, to its own role.
     */
    private static long exportSessions(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(DATABASE.url(), DATABASE.readerUser(), DATABASE.readerPassword());
             PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A response to read as a stream, once the export slot is free: the service releases it when
     * a write to a client that went away fails, a moment after that client closed.
     */
    private HttpResponse<InputStream> openWhenFree(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 503 || attempt == 50) {
                return response;
            }
            response.body().close();
            Thread.sleep(100);
        }
    }

    private static void resetHeapPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Rows per second and the heap's peak (service and test client share this JVM). */
    private static void print(String format, long rows, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long peak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(Locale.ROOT, "LargeExportIT: %s export of %,d actors in %.1f s (%,.0f rows/s), peak heap %d MB"
                + " (sum of pool peaks, garbage included; -Xmx %d MB)%n", format, rows, seconds, rows / seconds, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
