package org.atlascitoyen.mapservice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.MapServiceApplication;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.record.Shape;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.PageSql;
import org.atlascitoyen.mapservice.record.RecordSelect;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./atlas bench export [--rows N[,N...]]}: exports of N actors as CSV and GeoJSON through
 * the service over HTTP, beside the raw SQL floor measured in the same run: the export's own
 * query read through JDBC with the same fetch size, every column decoded, nothing written.
 *
 * <p>For each N, in a fresh database with the territories (dropped at the end, also on failure):
 * insert N synthetic actors ({@link SyntheticActors}, not timed), start the service in-process,
 * then run each of the three twice and keep the second (the first warms the JIT and the caches).
 * The client counts the records it receives; a count other than N fails the run after the table.
 * The heap is reported twice: the peak sampled (garbage included, so it follows the young
 * generation G1 sizes for the allocation rate) and the peak left after a collection (what the
 * program holds): the second is the one that must not grow with N.
 */
public final class ExportBench {

    private static final List<Integer> DEFAULT_ROWS = List.of(200_000, 500_000);
    /** As the service's ({@code ExportQuery.FETCH_SIZE}). */
    private static final int FETCH_SIZE = 2_000;
    private static final String EXPORT_SQL = RecordSelect.of(RecordKind.ACTOR, Shape.EXPORT, false)
            .sql(SqlResource.load("sql/record/export.sql"));
    /** How each format's body marks a record: a line end in CSV, a feature's opening in GeoJSON. */
    private static final Map<String, byte[]> RECORD_MARKS = Map.of(
            "csv", "\r\n".getBytes(StandardCharsets.UTF_8),
            "geojson", "{\"type\":\"Feature\",".getBytes(StandardCharsets.UTF_8));

    /** One timed run: records received, bytes, seconds, heap peaks in bytes. */
    private record Run(String what, long records, long bytes, double seconds, long sampledPeak, long afterGcPeak,
                       int collections) {

        double rowsPerSecond() {
            return records / seconds;
        }
    }

    private ExportBench() {
    }

    /** Arguments: {@code [--rows N[,N...]]}, the numbers of actors (default 200,000 and 500,000). */
    static void run(List<String> args) throws Exception {
        List<Integer> sizes = sizes(args);
        quietLogging();
        DatabaseConfig probe = TestDatabases.withTerritories(); // builds the test template first when needed
        try {
            printEnvironment(probe);
        } finally {
            TestDatabases.drop(probe);
        }
        List<String> mismatches = new ArrayList<>();
        Map<Integer, List<Run>> results = new LinkedHashMap<>();
        for (int rows : sizes) {
            results.put(rows, measure(rows, mismatches));
        }
        printTable(results);
        System.out.printf(Locale.ROOT, "System load average at the end: %.2f%n", loadAverage());
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException(String.join("; ", mismatches));
        }
    }

    private static List<Integer> sizes(List<String> args) {
        if (args.isEmpty()) {
            return DEFAULT_ROWS;
        }
        if (args.size() == 2 && args.get(0).equals("--rows") && args.get(1).matches("\\d{1,9}(,\\d{1,9})*")) {
            List<Integer> sizes = Stream.of(args.get(1).split(",")).map(Integer::valueOf).toList();
            if (sizes.stream().allMatch(n -> n > 0)) {
                return sizes;
            }
        }
        throw new IllegalArgumentException("export takes [--rows N[,N...]] with N > 0, got " + String.join(" ", args));
    }

    private static List<Run> measure(int rows, List<String> mismatches) throws Exception {
        DatabaseConfig db = TestDatabases.withTerritories();
        try {
            long start = System.nanoTime();
            SyntheticActors.insert(db, rows);
            System.out.printf(Locale.ROOT, "%n%,d actors inserted in %.1f s (not timed)%n", rows, seconds(start));
            List<Run> runs = new ArrayList<>();
            runs.add(twice(() -> rawSql(db)));
            try (ConfigurableApplicationContext app = startService(db, rows)) {
                int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
                for (String format : List.of("csv", "geojson")) {
                    runs.add(twice(() -> export(port, format)));
                }
            }
            for (Run run : runs) {
                if (run.records() != rows) {
                    String mismatch = run.what() + " gave " + run.records() + " records for " + rows + " actors";
                    System.out.println("  MISMATCH: " + mismatch);
                    mismatches.add(mismatch);
                }
            }
            return runs;
        } finally {
            TestDatabases.drop(db);
        }
    }

    @FunctionalInterface
    private interface Measured {
        Run run() throws Exception;
    }

    /** The second of two runs: the first warms the JIT, the driver and PostgreSQL's caches. */
    private static Run twice(Measured measured) throws Exception {
        measured.run();
        return measured.run();
    }

    /** The export's query read through JDBC as the service reads it, every column decoded, nothing written. */
    private static Run rawSql(DatabaseConfig db) throws SQLException {
        PageSql.Statement statement = PageSql.page(EXPORT_SQL, Filter.all(RecordKind.ACTOR), null, 0);
        long records = 0;
        long chars = 0;
        System.gc();
        try (HeapSampler sampled = HeapSampler.start(); GcHeap afterGc = GcHeap.start();
             Connection c = db.connect()) {
            long start = System.nanoTime();
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement st = c.prepareStatement(statement.sql())) {
                st.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = st.executeQuery()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            chars += value == null ? 0 : value.length();
                        }
                        records++;
                    }
                }
            }
            c.rollback();
            return new Run("raw SQL (JDBC)", records, chars, seconds(start), sampled.peakBytes(),
                    afterGc.peakAfterGcBytes(), afterGc.collections());
        }
    }

    /** One export over HTTP, its body read and its records counted as it comes. */
    private static Run export(int port, String format) throws IOException, InterruptedException {
        byte[] mark = RECORD_MARKS.get(format);
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create("http://localhost:" + port + "/api/export/actors." + format);
        HttpRequest request = HttpRequest.newBuilder(uri).build();
        System.gc();
        try (HeapSampler sampled = HeapSampler.start(); GcHeap afterGc = GcHeap.start()) {
            long start = System.nanoTime();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("export." + format + " answered " + response.statusCode());
            }
            long bytes = 0;
            long marks = 0;
            int matched = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream body = response.body()) {
                for (int n; (n = body.read(buffer)) > 0; bytes += n) {
                    for (int i = 0; i < n; i++) {
                        // The marks have no prefix that repeats inside them, so a mismatch restarts the match.
                        matched = buffer[i] == mark[matched] ? matched + 1 : buffer[i] == mark[0] ? 1 : 0;
                        if (matched == mark.length) {
                            marks++;
                            matched = 0;
                        }
                    }
                }
            }
            long records = format.equals("csv") ? marks - 1 : marks; // the CSV header is a line too
            return new Run("service, " + format.toUpperCase(Locale.ROOT), records, bytes, seconds(start),
                    sampled.peakBytes(), afterGc.peakAfterGcBytes(), afterGc.collections());
        }
    }

    /**
     * The service as {@code ./atlas run} starts it, on the benchmark database and a free port, with
     * room for the whole table in one export. Settings go as arguments: they take precedence over
     * application.properties, which reads ATLAS_DB_URL.
     */
    private static ConfigurableApplicationContext startService(DatabaseConfig db, int rows) {
        return new SpringApplicationBuilder(MapServiceApplication.class).run(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.readerUser(),
                "--spring.datasource.password=" + db.readerPassword(),
                "--spring.flyway.user=" + db.user(),
                "--spring.flyway.password=" + db.password(),
                "--spring.flyway.placeholders.readerRole=" + db.readerUser(),
                "--atlas.export-max-rows=" + Math.max(rows, 1_000_000),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN");
    }

    private static void printTable(Map<Integer, List<Run>> results) {
        System.out.printf(Locale.ROOT, "%nExports of N actors, second of two runs (heap in MB: peak sampled every 10 ms,"
                + " garbage included / peak after a collection, what is held)%n");
        System.out.printf(Locale.ROOT, "  %9s  %-18s %8s %10s %7s %9s %8s %6s %5s%n", "N", "", "seconds", "rows/s", "x raw",
                "MB out", "sampled", "held", "GCs");
        results.forEach((rows, runs) -> {
            double raw = runs.get(0).seconds();
            for (Run run : runs) {
                System.out.printf(Locale.ROOT, "  %,9d  %-18s %8.2f %,10.0f %6.2fx %9.1f %8d %6d %5d%n", rows, run.what(),
                        run.seconds(), run.rowsPerSecond(), run.seconds() / raw, run.bytes() / 1e6,
                        run.sampledPeak() >> 20, run.afterGcPeak() >> 20, run.collections());
            }
        });
        System.out.printf(Locale.ROOT, "  (raw SQL 'MB out' counts decoded characters, the service's the bytes sent; the"
                + " service's 'held' includes the application itself)%n");
    }

    private static void printEnvironment(DatabaseConfig db) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT current_setting('server_version'), postgis_lib_version()"); ResultSet rs = st.executeQuery()) {
            rs.next();
            System.out.printf(Locale.ROOT, "Export benchmark: PostgreSQL %s, PostGIS %s, Java %s, %d CPUs, heap max %d MB, %s%n",
                    rs.getString(1), rs.getString(2), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, GcHeap.collectors());
            // Client, service and PostgreSQL share the CPUs: other work on the machine shows in the times.
            System.out.printf(Locale.ROOT, "System load average at the start: %.2f%n", loadAverage());
        }
    }

    /** Warnings only: the service's and Flyway's INFO lines would bury the figures. */
    private static void quietLogging() {
        LoggingSystem logging = LoggingSystem.get(ExportBench.class.getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        logging.setLogLevel("org.flywaydb.core.internal.sqlscript", LogLevel.ERROR);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
