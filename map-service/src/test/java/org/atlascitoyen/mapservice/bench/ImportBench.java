package org.atlascitoyen.mapservice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.postgresql.PGConnection;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * {@code ./atlas bench import [--rows N[,N...]]}: the directory import of a synthetic CSV of N
 * actors ({@link SyntheticDirectory}), beside the raw SQL floor measured in the same run: COPY of the
 * same file by PostgreSQL's own CSV parser into a plain unindexed table.
 *
 * <p>For each N, in a fresh database with the territories (dropped at the end, also on failure):
 * generate the file (not timed), COPY it raw, import it, import it again (every row unchanged: the
 * idempotent path). Each import is timed end to end, as a caller of {@link DirectoryImport} sees it,
 * with the heap sampled meanwhile; its counts are checked against what the generator wrote. A
 * mismatch is printed at once and fails the run after the tables; the goals are only printed.
 */
public final class ImportBench {

    private static final List<Integer> DEFAULT_ROWS = List.of(10_000, 100_000, 500_000);
    private static final long SEED = 42;
    private static final String SOURCE = "bench-synthetic";
    private static final String RAW_TABLE = "bench_raw_copy";

    // Goals stated in the issue; printed beside the figures, never asserted.
    private static final int RATE_GOAL_ROWS = 500_000;
    private static final double RATE_GOAL = 50_000;
    private static final long HEAP_GOAL_MB = 512;
    /**
     * "Flat in N": the peak at the largest N at most this many times the peak at the next size. Not
     * against the smallest: a short run ends before G1 has grown the young generation to its size
     * for this allocation rate, so its peak is lower without the import keeping less.
     */
    private static final double FLAT_HEAP_FACTOR = 1.25;

    /** One import, timed from the call to its return. */
    private record Timed(DirectoryImportReport report, long wallNanos, long peakHeapBytes) {

        double seconds() {
            return wallNanos / 1e9;
        }

        double rowsPerSecond() {
            return report.read() / seconds();
        }
    }

    /**
     * What a first import cannot do without, timed on its own rows after the imports (same database,
     * same run): the search vectors of the stored full-text column (serially, as the import's INSERT
     * computes them, and on every CPU), the build of the actor table's indexes (what bulk mode
     * builds), and placing the rows with coordinates in their communes.
     */
    private record Floor(double searchSerial, double searchParallel, double indexes, double points, long pointRows) {

        double seconds() {
            return searchParallel + indexes + points;
        }
    }

    /** The figures of one size. */
    private record Result(int rows, double rawSeconds, Timed first, Timed again, Floor floor, List<String> mismatches) {

        double rawRowsPerSecond() {
            return rows / rawSeconds;
        }

        long peakHeapMb() {
            return Math.max(first.peakHeapBytes(), again.peakHeapBytes()) >> 20;
        }
    }

    private ImportBench() {
    }

    /** Arguments: {@code [--rows N[,N...]]}, the file sizes in rows (default 10,000, 100,000, 500,000). */
    static void run(List<String> args) throws Exception {
        List<Integer> sizes = sizes(args);
        quietLogging();
        // A first database before any timing: it builds the test template when the schema or data changed.
        DatabaseConfig probe = TestDatabases.withTerritories();
        try {
            printEnvironment(probe);
        } finally {
            TestDatabases.drop(probe);
        }
        List<Result> results = new ArrayList<>();
        for (int rows : sizes) {
            results.add(measure(rows));
        }
        printTable(results);
        printPhases(results);
        printGoals(results);
        System.out.printf(Locale.ROOT, "System load average at the end: %.2f%n", loadAverage());
        long mismatches = results.stream().mapToLong(r -> r.mismatches().size()).sum();
        if (mismatches > 0) {
            throw new IllegalStateException(mismatches + " count(s) differ from what the generator wrote (see MISMATCH above)");
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
        throw new IllegalArgumentException("import takes [--rows N[,N...]] with N > 0, got " + String.join(" ", args));
    }

    /** Warnings only: building the test template runs Flyway, whose INFO lines would bury the figures. */
    private static void quietLogging() {
        LoggingSystem logging = LoggingSystem.get(ImportBench.class.getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        logging.setLogLevel("org.flywaydb.core.internal.sqlscript", LogLevel.ERROR);
    }

    private static Result measure(int rows) throws Exception {
        Path dir = Files.createTempDirectory("atlas-import-bench-");
        DatabaseConfig db = TestDatabases.withTerritories();
        try {
            long start = System.nanoTime();
            SyntheticDirectory.Output file = new SyntheticDirectory(SyntheticDirectory.communes(db), SEED).write(dir, rows);
            printGenerated(file, seconds(start));

            double raw = rawCopy(db, file);
            System.out.printf(Locale.ROOT, "  %-10s %7.2f s %9s rows/s   PostgreSQL's CSV parser into a plain unindexed table%n",
                    "raw COPY", raw, thousands(rows / raw));
            List<String> mismatches = new ArrayList<>();
            Timed first = timedImport(db, file);
            printImport("import", first, check("import", expected(file.expected(), false), first.report(), mismatches));
            Timed again = timedImport(db, file);
            printImport("re-import", again, check("re-import", expected(file.expected(), true), again.report(), mismatches));
            Floor floor = floor(db);
            System.out.printf(Locale.ROOT, "  %-10s %7.2f s   search vectors %.2f s (%.2f s on one CPU), indexes of actor %.2f s,"
                    + " %s points in their communes %.2f s%n", "floor", floor.seconds(), floor.searchParallel(), floor.searchSerial(),
                    floor.indexes(), thousands(floor.pointRows()), floor.points());
            return new Result(rows, raw, first, again, floor, mismatches);
        } finally {
            TestDatabases.drop(db);
            deleteTree(dir);
        }
    }

    private static void printGenerated(SyntheticDirectory.Output file, double seconds) {
        SyntheticDirectory.Expected e = file.expected();
        System.out.printf(Locale.ROOT, "%n%s rows: %.1f MB, generated in %.1f s (not timed)%n",
                thousands(e.rows()), file.bytes() / 1e6, seconds);
        System.out.printf(Locale.ROOT, "  to insert %s (by %s), duplicates %s, broken %s (%s)%n", thousands(e.valid()),
                e.byLocation().entrySet().stream().map(x -> x.getKey() + " " + thousands(x.getValue()))
                        .collect(Collectors.joining(", ")),
                thousands(e.duplicates()), thousands(e.rejected() - e.duplicates()),
                e.broken().entrySet().stream().map(x -> x.getKey().reason + " " + thousands(x.getValue()))
                        .collect(Collectors.joining(", ")));
    }

    /** COPY of the CSV file as it is, into text columns: what the file costs PostgreSQL alone. */
    private static double rawCopy(DatabaseConfig db, SyntheticDirectory.Output file) throws SQLException, IOException {
        String columns = Stream.iterate(1, i -> i + 1).limit(file.columns()).map(i -> "c" + i + " text")
                .collect(Collectors.joining(", "));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + RAW_TABLE + " (" + columns + ")");
            long copied;
            long start = System.nanoTime();
            try (InputStream in = Files.newInputStream(file.csv())) {
                copied = c.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY " + RAW_TABLE + " FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)", in, 1 << 16);
            }
            double elapsed = seconds(start);
            st.execute("DROP TABLE " + RAW_TABLE);
            if (copied != file.expected().rows()) {
                throw new IllegalStateException("PostgreSQL read " + copied + " records in the file, the generator wrote "
                        + file.expected().rows() + ": the generated CSV is broken");
            }
            return elapsed;
        }
    }

    private static Floor floor(DatabaseConfig db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SET max_parallel_workers_per_gather = 0");
            long start = System.nanoTime();
            st.execute("SELECT count(atlas_search_vector(name, themes, description)) FROM actor");
            double serial = seconds(start);
            st.execute("RESET max_parallel_workers_per_gather");
            start = System.nanoTime();
            st.execute("SELECT count(atlas_search_vector(name, themes, description)) FROM actor");
            double parallel = seconds(start);
            st.execute("SET maintenance_work_mem = '256MB'");
            start = System.nanoTime();
            st.execute("REINDEX TABLE actor");
            double indexes = seconds(start);
            start = System.nanoTime();
            long points;
            try (ResultSet rs = st.executeQuery("""
                    SELECT count(p.code) FROM actor a
                    CROSS JOIN LATERAL (SELECT p.code FROM commune_part p WHERE ST_Intersects(p.geom, a.geom) LIMIT 1) p
                    WHERE a.precision = 'address'""")) {
                rs.next();
                points = rs.getLong(1);
            }
            return new Floor(serial, Math.min(serial, parallel), indexes, seconds(start), points);
        }
    }

    /** One import after a full GC, so that the heap sampled is the import's and not the generator's garbage. */
    private static Timed timedImport(DatabaseConfig db, SyntheticDirectory.Output file) throws SQLException, IOException {
        ImportRequest request = ImportRequest.of(RecordKind.ACTOR, SOURCE, ImportRequest.Format.CSV, file.csv(), file.mapping());
        System.gc();
        try (HeapSampler heap = HeapSampler.start()) {
            long start = System.nanoTime();
            DirectoryImportReport report = new DirectoryImport(db, Progress.Factory.silent()).run(request);
            long wall = System.nanoTime() - start;
            return new Timed(report, wall, heap.peakBytes());
        }
    }

    /** The counts the report must show: the first import inserts, the second finds every row unchanged. */
    private static Map<String, Long> expected(SyntheticDirectory.Expected e, boolean again) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("read", e.rows());
        counts.put("inserted", again ? 0 : e.valid());
        counts.put("updated", 0L);
        counts.put("unchanged", again ? e.valid() : 0);
        counts.put("merged", 0L);
        counts.put("rejected", e.rejected());
        counts.put("no longer seen", 0L);
        e.rejectsByReason().forEach((reason, n) -> counts.put("rejected: " + reason, n));
        return counts;
    }

    private static Map<String, Long> actual(DirectoryImportReport r) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("read", r.read());
        counts.put("inserted", r.inserted());
        counts.put("updated", r.updated());
        counts.put("unchanged", r.unchanged());
        counts.put("merged", r.merged());
        counts.put("rejected", r.rejected());
        counts.put("no longer seen", r.noLongerSeen());
        r.rejectsByReason().forEach((reason, n) -> counts.put("rejected: " + reason, n));
        return counts;
    }

    /** Compares the report with the generator's counts; prints and collects every difference. */
    private static boolean check(String run, Map<String, Long> expected, DirectoryImportReport report, List<String> mismatches) {
        Map<String, Long> actual = actual(report);
        Set<String> keys = new LinkedHashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        boolean ok = true;
        for (String key : keys) {
            long want = expected.getOrDefault(key, 0L);
            long got = actual.getOrDefault(key, 0L);
            if (want != got) {
                String m = String.format(Locale.ROOT, "%s of %,d rows: %s is %,d, expected %,d", run, report.read(), key, got, want);
                System.out.println("  !!! MISMATCH " + m);
                mismatches.add(m);
                ok = false;
            }
        }
        return ok;
    }

    private static void printImport(String what, Timed t, boolean countsOk) {
        DirectoryImportReport r = t.report();
        System.out.printf(Locale.ROOT, "  %-10s %7.2f s %9s rows/s   peak heap %d MB   inserted %s, unchanged %s, rejected %s%s%n",
                what, t.seconds(), thousands(t.rowsPerSecond()), t.peakHeapBytes() >> 20, thousands(r.inserted()),
                thousands(r.unchanged()), thousands(r.rejected()), countsOk ? " (as generated)" : " (MISMATCH)");
        System.out.printf(Locale.ROOT, "  %-10s %s%n", "", phases(t).entrySet().stream()
                .map(p -> p.getKey() + " " + p.getValue() + " ms").collect(Collectors.joining(", ")));
    }

    /** The report's phases, then "other": wall time outside them (connect, staging, report, reject file, commit, ANALYZE). */
    private static Map<String, Long> phases(Timed t) {
        Map<String, Long> phases = new LinkedHashMap<>(t.report().phaseMillis());
        long inPhases = phases.values().stream().mapToLong(Long::longValue).sum();
        phases.put("other", t.wallNanos() / 1_000_000 - inPhases);
        return phases;
    }

    private static void printTable(List<Result> results) {
        System.out.printf(Locale.ROOT, "%nDirectory import of synthetic actors (CSV ';' UTF-8, seed %d)%n", SEED);
        String format = "  %9s | %8s | %8s | %15s | %5s | %16s | %12s%n";
        System.out.printf(Locale.ROOT, format, "N", "import s", "rows/s", "raw COPY rows/s", "ratio", "re-import rows/s", "peak heap MB");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, format, thousands(r.rows()), String.format(Locale.ROOT, "%.2f", r.first().seconds()),
                    thousands(r.first().rowsPerSecond()), thousands(r.rawRowsPerSecond()),
                    String.format(Locale.ROOT, "%.2f", r.first().rowsPerSecond() / r.rawRowsPerSecond()),
                    thousands(r.again().rowsPerSecond()), r.peakHeapMb());
        }
        System.out.println("  ratio = import rows/s / raw COPY rows/s; peak heap = sampled every 10 ms over both imports");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "  floor at %s: %.2f s (search vectors on every CPU, indexes, points in communes):"
                    + " an import doing only these would reach %s rows/s%n", thousands(r.rows()), r.floor().seconds(),
                    thousands(r.rows() / r.floor().seconds()));
        }
        System.out.println("  the first size runs on a cold JVM, as ./atlas import does; the next ones on a JIT-compiled importer");
    }

    /** Where the time goes: each phase of each import, in seconds. */
    private static void printPhases(List<Result> results) {
        Map<String, Timed> runs = new LinkedHashMap<>();
        for (Result r : results) {
            runs.put(thousands(r.rows()) + " import", r.first());
            runs.put(thousands(r.rows()) + " re-import", r.again());
        }
        Set<String> names = new LinkedHashSet<>();
        runs.values().forEach(t -> names.addAll(phases(t).keySet()));
        names.remove("other");
        names.add("other");
        System.out.printf(Locale.ROOT, "%nPhases (s; other = connect, staging, report, reject file, commit, ANALYZE)%n");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-17s", ""));
        names.forEach(n -> header.append(String.format(Locale.ROOT, " %10s", n)));
        System.out.println(header.append(String.format(Locale.ROOT, " %10s", "total")));
        runs.forEach((label, t) -> {
            Map<String, Long> phases = phases(t);
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-17s", label));
            names.forEach(n -> row.append(String.format(Locale.ROOT, " %10.2f", phases.getOrDefault(n, 0L) / 1000.0)));
            System.out.println(row.append(String.format(Locale.ROOT, " %10.2f", t.seconds())));
        });
    }

    private static void printGoals(List<Result> results) {
        System.out.printf(Locale.ROOT, "%nGoals of the issue (not asserted)%n");
        results.stream().filter(r -> r.rows() == RATE_GOAL_ROWS).findFirst().ifPresentOrElse(
                r -> goal("import rows/s at " + thousands(RATE_GOAL_ROWS), thousands(r.first().rowsPerSecond()),
                        ">= " + thousands(RATE_GOAL), r.first().rowsPerSecond() >= RATE_GOAL),
                () -> System.out.printf(Locale.ROOT, "  %-38s not measured (add %d to --rows)%n",
                        "import rows/s at " + thousands(RATE_GOAL_ROWS), RATE_GOAL_ROWS));
        long highest = results.stream().mapToLong(Result::peakHeapMb).max().orElseThrow();
        goal("peak heap (highest)", highest + " MB", "< " + HEAP_GOAL_MB + " MB", highest < HEAP_GOAL_MB);
        TreeMap<Integer, Long> byRows = new TreeMap<>();
        results.forEach(r -> byRows.merge(r.rows(), r.peakHeapMb(), Math::max));
        if (byRows.size() > 1) {
            Map.Entry<Integer, Long> largest = byRows.lastEntry();
            Map.Entry<Integer, Long> next = byRows.lowerEntry(largest.getKey());
            double factor = (double) largest.getValue() / Math.max(1, next.getValue());
            goal("peak heap flat in N (" + thousands(largest.getKey()) + "/" + thousands(next.getKey()) + ")",
                    String.format(Locale.ROOT, "%.2fx", factor), "<= " + FLAT_HEAP_FACTOR + "x", factor <= FLAT_HEAP_FACTOR);
        } else {
            System.out.printf(Locale.ROOT, "  %-38s not measured (give two sizes or more)%n", "peak heap flat in N");
        }
        System.out.printf(Locale.ROOT, "  %-38s %s%n", "", byRows.entrySet().stream()
                .map(e -> thousands(e.getKey()) + " rows: " + e.getValue() + " MB").collect(Collectors.joining(", ")));
    }

    private static void goal(String what, String figure, String goal, boolean met) {
        System.out.printf(Locale.ROOT, "  %-38s %10s   goal %-10s %s%n", what, figure, goal, met ? "met" : "not met");
    }

    private static void printEnvironment(DatabaseConfig db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), postgis_lib_version()")) {
            rs.next();
            System.out.printf(Locale.ROOT, "Import benchmark: PostgreSQL %s, PostGIS %s, Java %s, %d CPUs, heap max %d MB%n",
                    rs.getString(1), rs.getString(2), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            // The importer and PostgreSQL share the CPUs: other work on the machine shows in the figures.
            System.out.printf(Locale.ROOT, "System load average at the start: %.2f%n", loadAverage());
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String thousands(double n) {
        return String.format(Locale.ROOT, "%,d", Math.round(n));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
