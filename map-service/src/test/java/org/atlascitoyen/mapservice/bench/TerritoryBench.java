package org.atlascitoyen.mapservice.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.Schema;
import org.atlascitoyen.importers.territory.DataDirectory;
import org.atlascitoyen.importers.territory.SourceManifest;
import org.atlascitoyen.importers.territory.TerritoryImport;
import org.atlascitoyen.importers.territory.TerritoryImportReport;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.mapservice.MapServiceApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./atlas bench territories}: the reference import and the point lookup, timed in a fresh
 * database, beside the raw SQL baseline measured in the same run and the goals of the issue.
 *
 * <p>Steps: migrate and import the reference territories three times (cold, then two idempotent
 * re-imports); start the map service in-process on a free port; look up 10,000 seeded random points
 * of the region through {@code /api/territories/at}, then through the same SQL over plain JDBC.
 * The database is dropped at the end, also on failure.
 */
public final class TerritoryBench {

    private static final int IMPORT_RUNS = 3;
    private static final int POINTS = 10_000;
    private static final int SEED = 42;
    // Requests before the clock starts, on each side. 1,000 proved too few: the JIT was still
    // compiling Tomcat's and Spring's request path for the next ~8,000 requests, and the service's
    // p95 went from ~3.8 ms in the first thousand timed to ~1.3 ms in the last.
    private static final int DEFAULT_WARM_UP = 10_000;

    // Goals stated in the issue; printed beside the figures, never asserted.
    private static final double IMPORT_GOAL_SECONDS = 15;
    private static final double LOOKUP_P95_GOAL_MILLIS = 5;
    private static final double SERVICE_TO_RAW_GOAL = 1.5;

    private TerritoryBench() {
    }

    /** Arguments: {@code [--warm-up N]}, the lookups made before timing (default 10,000). */
    static void run(List<String> args) throws Exception {
        int warmUp = warmUp(args);
        quietLogging();
        try (HeapSampler heap = HeapSampler.start()) {
            DatabaseConfig db = TestDatabases.empty();
            try {
                measure(db, warmUp);
            } finally {
                TestDatabases.drop(db);
            }
            System.out.printf(Locale.ROOT, "%nPeak heap used: %d MB of %d MB (-Xmx), sampled every 10 ms%n",
                    heap.peakBytes() >> 20, heap.maxBytes() >> 20);
            System.out.printf(Locale.ROOT, "System load average at the end: %.2f%n", loadAverage());
        }
    }

    /**
     * Warnings only, from the start: Spring configures logging when the service starts, but the
     * migration and imports run before, and Flyway's INFO lines would bury the figures. The
     * notices "extension ... already exists" are expected (the test database has them already).
     */
    static void quietLogging() {
        LoggingSystem logging = LoggingSystem.get(TerritoryBench.class.getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        logging.setLogLevel("org.flywaydb.core.internal.sqlscript", LogLevel.ERROR);
    }

    private static int warmUp(List<String> args) {
        if (args.isEmpty()) {
            return DEFAULT_WARM_UP;
        }
        if (args.size() == 2 && args.get(0).equals("--warm-up") && args.get(1).matches("\\d{1,7}")) {
            return Integer.parseInt(args.get(1));
        }
        throw new IllegalArgumentException("territories takes [--warm-up N], got " + String.join(" ", args));
    }

    private static void measure(DatabaseConfig db, int warmUp) throws Exception {
        printEnvironment(db);
        double slowestImport = importReference(db);

        List<TerritoryLookups.Point> points = TerritoryLookups.randomPoints(db, POINTS, SEED);
        TerritoryLookups lookups = new TerritoryLookups(warmUp);
        Latency service;
        long startNanos = System.nanoTime();
        try (ConfigurableApplicationContext app = startService(db)) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            System.out.printf(Locale.ROOT, "%nMap service started in %.1f s on port %d%n",
                    (System.nanoTime() - startNanos) / 1e9, port);
            service = lookups.service(port, points);
        }
        Latency raw = lookups.rawSql(db, points);

        printLatencies(points.size(), warmUp, service, raw);
        printGoals(slowestImport, service, raw);
        if (service.failures() > 0) {
            throw new IllegalStateException(service.failures() + " lookups through the service did not answer 200");
        }
    }

    /** Migrates, then imports {@link #IMPORT_RUNS} times; returns the slowest import in seconds. */
    private static double importReference(DatabaseConfig db) throws SQLException, IOException {
        Path dataRoot = TestDatabases.dataDirectory();
        long start = System.nanoTime();
        Schema.migrate(db);
        double migration = seconds(start);
        DataDirectory data = new DataDirectory(dataRoot, SourceManifest.load());

        System.out.printf(Locale.ROOT, "%nReference import from %s%n", dataRoot);
        System.out.printf(Locale.ROOT, "  %-24s %6.2f s%n", "schema migration", migration);
        List<TerritoryImportReport> reports = new ArrayList<>();
        double slowest = 0;
        for (int run = 1; run <= IMPORT_RUNS; run++) {
            start = System.nanoTime();
            reports.add(new TerritoryImport(db, data).run());
            double elapsed = seconds(start);
            slowest = Math.max(slowest, elapsed);
            System.out.printf(Locale.ROOT, "  %-24s %6.2f s%n", "import " + run + (run == 1 ? " (cold)" : " (re-import)"),
                    elapsed);
        }
        printCounts(reports);
        return slowest;
    }

    /** Territories per kind after each import, as "total/with geometry": re-imports must not change them. */
    private static void printCounts(List<TerritoryImportReport> reports) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-14s", "kind"));
        for (int run = 1; run <= reports.size(); run++) {
            header.append(String.format(Locale.ROOT, " %13s", "import " + run));
        }
        System.out.println(header + "   (territories/with geometry)");
        for (TerritoryImportReport.KindCount k : reports.get(0).loaded()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-14s", k.kind()));
            for (TerritoryImportReport report : reports) {
                TerritoryImportReport.KindCount c = report.loaded().stream()
                        .filter(x -> x.kind().equals(k.kind())).findFirst().orElseThrow();
                row.append(String.format(Locale.ROOT, " %13s", c.total() + "/" + c.withGeometry()));
            }
            System.out.println(row);
        }
        StringBuilder issues = new StringBuilder(String.format(Locale.ROOT, "  %-14s", "issues"));
        reports.forEach(r -> issues.append(String.format(Locale.ROOT, " %13d", r.issues().size())));
        System.out.println(issues);
    }

    /**
     * The service as {@code ./atlas run} starts it, but on the benchmark database and a free port.
     * Settings go as command-line arguments: they take precedence over application.properties,
     * which reads ATLAS_DB_URL and would otherwise point the service at the main database.
     * {@code moreArgs} come last, so they can also override one of these.
     */
    static ConfigurableApplicationContext startService(DatabaseConfig db, String... moreArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--spring.flyway.user=" + db.user(),
                "--spring.flyway.password=" + db.password(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        args.addAll(List.of(moreArgs));
        return new SpringApplicationBuilder(MapServiceApplication.class).run(args.toArray(String[]::new));
    }

    private static void printEnvironment(DatabaseConfig db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), postgis_lib_version()")) {
            rs.next();
            System.out.printf(Locale.ROOT, "Territory benchmark: PostgreSQL %s, PostGIS %s, Java %s, %d CPUs, heap max %d MB%n",
                    rs.getString(1), rs.getString(2), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            // Client, service and PostgreSQL share the CPUs: other work on the machine shows in the tails.
            System.out.printf(Locale.ROOT, "System load average at the start: %.2f%n", loadAverage());
        }
    }

    private static void printLatencies(int points, int warmUp, Latency service, Latency raw) {
        System.out.printf(Locale.ROOT, "%nPoint lookup: %d random points in the region (seed %d), %d warm-up, one at a time (ms)%n",
                points, SEED, warmUp);
        System.out.printf(Locale.ROOT, "  %-16s %7s %7s %7s %7s %7s %8s %10s %7s%n",
                "", "p50", "p95", "p99", "max", "mean", "req/s", "non-empty", "failed");
        latencyRow("service (HTTP)", service);
        latencyRow("raw SQL (JDBC)", raw);
        System.out.printf(Locale.ROOT, "  %-16s %6.2fx %6.2fx%n", "service / raw", ratio(service, raw, 50), ratio(service, raw, 95));
        // The difference reads better than the ratio when the SQL is fast: HTTP costs about the same
        // whatever the query, so a 1.5x budget shrinks with the query.
        System.out.printf(Locale.ROOT, "  %-16s %7.3f %7.3f%n", "service - raw",
                service.percentileMillis(50) - raw.percentileMillis(50), service.percentileMillis(95) - raw.percentileMillis(95));
        if (service.nonEmpty() != raw.nonEmpty()) {
            System.out.println("  WARNING: the service and the raw SQL found territories for a different number of points");
        }
    }

    private static void latencyRow(String name, Latency l) {
        System.out.printf(Locale.ROOT, "  %-16s %7.3f %7.3f %7.3f %7.3f %7.3f %8.0f %10d %7d%n", name,
                l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99), l.maxMillis(), l.meanMillis(),
                l.requestsPerSecond(), l.nonEmpty(), l.failures());
    }

    private static void printGoals(double slowestImport, Latency service, Latency raw) {
        System.out.printf(Locale.ROOT, "%nGoals of the issue%n");
        goal("reference import (slowest)", String.format(Locale.ROOT, "%.2f s", slowestImport),
                "< " + (int) IMPORT_GOAL_SECONDS + " s", slowestImport < IMPORT_GOAL_SECONDS);
        double p95 = service.percentileMillis(95);
        goal("lookup p95 (service)", String.format(Locale.ROOT, "%.3f ms", p95),
                "< " + (int) LOOKUP_P95_GOAL_MILLIS + " ms", p95 < LOOKUP_P95_GOAL_MILLIS);
        for (int p : new int[] {50, 95}) {
            double r = ratio(service, raw, p);
            goal("service / raw SQL at p" + p, String.format(Locale.ROOT, "%.2fx", r),
                    "<= " + SERVICE_TO_RAW_GOAL + "x", r <= SERVICE_TO_RAW_GOAL);
        }
    }

    private static void goal(String what, String figure, String goal, boolean met) {
        System.out.printf(Locale.ROOT, "  %-28s %10s   goal %-8s %s%n", what, figure, goal, met ? "met" : "not met");
    }

    private static double ratio(Latency service, Latency raw, double percentile) {
        return service.percentileMillis(percentile) / raw.percentileMillis(percentile);
    }

    /** Runnable threads averaged over the last minute (-1 where the system does not tell). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
