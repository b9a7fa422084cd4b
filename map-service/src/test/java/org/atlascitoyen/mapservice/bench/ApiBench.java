package org.atlascitoyen.mapservice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.directory.DirectoryImport;
import org.atlascitoyen.importers.directory.DirectoryImportReport;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.directory.Progress;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.bench.ApiCase.Request;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./atlas bench api [--actors N] [--events N] [--needs N] [--experiences N] [--warm-up N]
 * [--requests N] [--load-seconds S] [--db-options O]}: the latency of {@code /api/actors} under
 * each filter, of the lists of events, needs and offers and experiences and of the events'
 * iCalendar feed ({@link AgirCases}), beside the same SQL over plain JDBC measured in the same run,
 * then the throughput of the lists under concurrent load, beside the goals of the issues.
 *
 * <p>Steps, in a fresh database with the territories (dropped at the end, also on failure or
 * Ctrl-C): import N synthetic actors ({@link SyntheticDirectory}), write the events, needs and
 * offers and experiences ({@link SyntheticAgir}), VACUUM ANALYZE; start the
 * service in-process on a free port; warm up both sides; time each case of {@link ApiCases} one
 * request at a time, each request through HTTP and as raw SQL in turn ({@link ApiSeries}); load
 * the service with 2 to 16 client threads ({@link ApiLoad}); print the tables, then the plans of
 * the cases over their latency goal. A case whose first request does not answer 2xx (an endpoint
 * not built yet) is not timed and shows as "not served" with the status.
 */
public final class ApiBench {

    private static final long SEED = 42;
    private static final String SOURCE = "bench-synthetic";
    private static final int[] LOAD_THREADS = {2, 4, 8, 16};
    /**
     * Each case is timed on all its requests, or for this long once {@link #CASE_MINIMUM} are done:
     * a case at half a second per request would otherwise take minutes for a few more digits.
     */
    private static final Duration CASE_BUDGET = Duration.ofSeconds(60);
    private static final int CASE_MINIMUM = 100;
    /** "Throughput at acceptable latency": the best level whose p99 is under this. */
    private static final double LOAD_P99_GOAL_MILLIS = 100;

    /**
     * The command line, with its defaults.
     *
     * @param dbOptions more {@code -c name=value} settings for the connections of both sides, to
     *                  measure a setting before changing the service (empty by default)
     */
    private record Options(int actors, SyntheticAgir.Counts agir, int warmUp, int requests, int loadSeconds,
                           String dbOptions) {

        static Options parse(List<String> args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("--actors", "200000", "--events", "50000",
                    "--needs", "20000", "--experiences", "5000", "--warm-up", "1000",
                    "--requests", "500", "--load-seconds", "10", "--db-options", ""));
            for (int i = 0; i < args.size(); i += 2) {
                String name = args.get(i);
                boolean number = !name.equals("--db-options");
                if (!values.containsKey(name) || i + 1 == args.size() || number && !args.get(i + 1).matches("\\d{1,7}")) {
                    throw new IllegalArgumentException("api takes [--actors N] [--events N] [--needs N] "
                            + "[--experiences N] [--warm-up N] [--requests N] [--load-seconds S] "
                            + "[--db-options '-c NAME=VALUE ...'], got " + String.join(" ", args));
                }
                values.put(name, args.get(i + 1));
            }
            Options o = new Options(Integer.parseInt(values.get("--actors")),
                    new SyntheticAgir.Counts(Integer.parseInt(values.get("--events")),
                            Integer.parseInt(values.get("--needs")), Integer.parseInt(values.get("--experiences"))),
                    Integer.parseInt(values.get("--warm-up")),
                    Integer.parseInt(values.get("--requests")), Integer.parseInt(values.get("--load-seconds")),
                    values.get("--db-options").strip());
            if (o.actors() < 1 || o.requests() < 1) {
                throw new IllegalArgumentException("api needs --actors and --requests of 1 or more");
            }
            return o;
        }
    }

    private ApiBench() {
    }

    static void run(List<String> args) throws Exception {
        Options options = Options.parse(args);
        TerritoryBench.quietLogging();
        try (HeapSampler heap = HeapSampler.start()) {
            ScratchDatabase.run(db -> measure(db, options));
            System.out.printf(Locale.ROOT, "Peak heap used over the whole run (import included): %d MB of %d MB%n",
                    heap.peakBytes() >> 20, heap.maxBytes() >> 20);
            System.out.printf(Locale.ROOT, "System load average at the end: %.2f%n", TerritoryBench.loadAverage());
        }
    }

    private static void measure(DatabaseConfig db, Options options) throws Exception {
        printEnvironment(db, options);
        importActors(db, options.actors());
        writeAgir(db, options.agir());
        ApiCases cases = ApiCases.of(db, SEED);
        List<ApiCase> all = new ArrayList<>(cases.queries());
        all.addAll(AgirCases.of(db).queries());
        all.addAll(cases.hooks());

        long startNanos = System.nanoTime();
        try (ConfigurableApplicationContext app = TerritoryBench.startService(db, serviceDbOptions(options))) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            System.out.printf(Locale.ROOT, "Map service started in %.1f s on port %d%n", seconds(startNanos), port);
            System.gc(); // the service's peak below is then its own, not the import's garbage
            List<ApiSeries> results = new ArrayList<>();
            Map<String, List<ApiLoad.Level>> levels;
            long servicePeak;
            try (HeapSampler heap = HeapSampler.start(); ApiTimer timer = new ApiTimer(port, db,
                    app.getEnvironment().getRequiredProperty("spring.datasource.hikari.data-source-properties.options"))) {
                results.addAll(timeCases(timer, all, options));
                levels = load(port, results, options);
                servicePeak = heap.peakBytes();
                ApiReport.cases(results, options.requests(), options.warmUp(), CASE_BUDGET, CASE_MINIMUM);
                levels.forEach((mix, l) -> ApiReport.load(mix, l, LOAD_P99_GOAL_MILLIS));
                System.out.printf(Locale.ROOT, "%nPeak heap used while serving (service and clients, sampled every 10 ms): "
                        + "%d MB%n", servicePeak >> 20);
                ApiReport.plans(timer, results);
            }
            long mismatches = results.stream().mapToLong(ApiSeries::mismatches).sum();
            if (mismatches > 0) {
                throw new IllegalStateException(mismatches + " answers of the service differ from the raw SQL's counts");
            }
        }
    }

    /** Probes each case, warms both sides up, then times the available cases one by one. */
    private static List<ApiSeries> timeCases(ApiTimer timer, List<ApiCase> cases, Options options) throws Exception {
        Map<ApiCase, List<Request>> requests = new LinkedHashMap<>();
        Map<ApiCase, Integer> refused = new LinkedHashMap<>();
        List<ApiSeries> results = new ArrayList<>();
        for (ApiCase c : cases) {
            List<Request> drawn = c.requests(options.requests(), SEED);
            int status = ApiSeries.probe(timer, drawn);
            if (status / 100 == 2) {
                requests.put(c, drawn);
            } else {
                refused.put(c, status);
            }
        }
        long start = System.nanoTime();
        ApiSeries.warmUp(timer, new ArrayList<>(requests.values()), options.warmUp());
        System.out.printf(Locale.ROOT, "Warm-up: %,d requests on each side in %.1f s%n", options.warmUp(), seconds(start));
        for (ApiCase c : cases) {
            List<Request> drawn = requests.get(c);
            if (drawn == null) {
                results.add(ApiSeries.notServed(c, refused.get(c)));
                Request first = c.requests(1, SEED).get(0);
                System.out.printf(Locale.ROOT, "  %-18s NOT SERVED: GET %s answered HTTP %d; not timed%s%n", c.name(),
                        first.path(), refused.get(c), rawAlone(timer, first));
                continue;
            }
            start = System.nanoTime();
            ApiSeries series = ApiSeries.time(timer, c, drawn, CASE_BUDGET, CASE_MINIMUM);
            results.add(series);
            System.out.printf(Locale.ROOT, "  %-18s %,d requests timed on each side in %.1f s%n", c.name(),
                    series.service().count(), seconds(start));
        }
        return results;
    }

    /**
     * The raw SQL of a case the service does not serve, run once, so that it is known to work
     * the day the endpoint lands, and what it costs now.
     */
    private static String rawAlone(ApiTimer timer, Request request) {
        if (request.raw().isEmpty()) {
            return "";
        }
        long start = System.nanoTime();
        ApiTimer.RawAnswer found = timer.run(request);
        return String.format(Locale.ROOT, " (its raw SQL alone, once, cold: %d rows in %.1f ms)", found.rows(),
                (System.nanoTime() - start) / 1e6);
    }

    /**
     * Each level of concurrency on two mixes of list requests, shuffled together: every list case,
     * as users send them, then the cases within their latency goal alone, which shows what the
     * service sustains once the slow ones are fixed.
     */
    private static Map<String, List<ApiLoad.Level>> load(int port, List<ApiSeries> results, Options options)
            throws Exception {
        List<ApiSeries> lists = results.stream()
                .filter(s -> s.available() && s.apiCase().goal() == ApiCase.Goal.QUERY).toList();
        List<ApiSeries> fast = lists.stream().filter(ApiSeries::latencyGoalMet).toList();
        Map<String, List<ApiSeries>> mixes = new LinkedHashMap<>();
        mixes.put("every list case", lists);
        if (!fast.isEmpty() && fast.size() < lists.size()) {
            mixes.put("the list cases within their latency goal", fast);
        }
        Map<String, List<ApiLoad.Level>> levels = new LinkedHashMap<>();
        for (Map.Entry<String, List<ApiSeries>> mix : mixes.entrySet()) {
            List<Request> requests = new ArrayList<>();
            mix.getValue().forEach(s -> requests.addAll(s.apiCase().requests(options.requests(), SEED)));
            Collections.shuffle(requests, new Random(SEED));
            ApiLoad load = new ApiLoad(port, requests);
            List<ApiLoad.Level> perLevel = new ArrayList<>();
            for (int threads : LOAD_THREADS) {
                perLevel.add(load.run(threads, options.loadSeconds()));
            }
            levels.put(mix.getKey() + " (" + mix.getValue().stream().map(s -> s.apiCase().name())
                    .collect(Collectors.joining(", ")) + ")", perLevel);
        }
        return levels;
    }

    /**
     * The service's connection options with {@code --db-options} added. The first part repeats
     * application.properties (JIT off, statement timeout), which the argument replaces as a whole.
     */
    private static String[] serviceDbOptions(Options options) {
        if (options.dbOptions().isEmpty()) {
            return new String[0];
        }
        // Appended to the service's own options (application.properties): a later -c wins.
        return new String[] {"--ATLAS_DB_OPTIONS=" + options.dbOptions()};
    }

    /** Generates and imports the actors (about N: duplicate and broken rows are written on top), then VACUUM ANALYZE. */
    private static void importActors(DatabaseConfig db, int actors) throws Exception {
        Path dir = Files.createTempDirectory("atlas-api-bench-");
        try {
            int rows = (int) Math.ceil(actors / (1 - SyntheticDirectory.DUPLICATE_SHARE - SyntheticDirectory.BROKEN_SHARE));
            long start = System.nanoTime();
            SyntheticDirectory.Output file = new SyntheticDirectory(SyntheticDirectory.communes(db), SEED).write(dir, rows);
            System.out.printf(Locale.ROOT, "%nSynthetic directory: %s rows, %.1f MB, generated in %.1f s%n",
                    ImportBench.thousands(rows), file.bytes() / 1e6, seconds(start));
            start = System.nanoTime();
            DirectoryImportReport report = new DirectoryImport(db, Progress.Factory.silent()).run(ImportRequest.of(
                    RecordKind.ACTOR, SOURCE, ImportRequest.Format.CSV, file.csv(), file.mapping()));
            System.out.printf(Locale.ROOT, "Import: %s actors inserted (%s rows rejected) in %.1f s%n",
                    ImportBench.thousands(report.inserted()), ImportBench.thousands(report.rejected()), seconds(start));
        } finally {
            ImportBench.deleteTree(dir);
        }
        long start = System.nanoTime();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // VACUUM too, not only ANALYZE: it sets the visibility map, as autovacuum soon would on a
            // real server, and the timings must not depend on whether it ran during the benchmark.
            st.execute("VACUUM (ANALYZE) actor, actor_provenance");
            try (ResultSet rs = st.executeQuery("SELECT count(*), pg_size_pretty(pg_total_relation_size('actor')) FROM actor")) {
                rs.next();
                System.out.printf(Locale.ROOT, "VACUUM ANALYZE in %.1f s: %s actors, table and indexes %s%n",
                        seconds(start), ImportBench.thousands(rs.getLong(1)), rs.getString(2));
            }
        }
    }

    /** Writes the events, needs and offers and experiences (set-based), then VACUUM ANALYZE of their tables. */
    private static void writeAgir(DatabaseConfig db, SyntheticAgir.Counts counts) throws SQLException {
        long start = System.nanoTime();
        SyntheticAgir.insert(db, counts, ApiCases.WORDS);
        System.out.printf(Locale.ROOT, "Events, needs and offers, experiences written in %.1f s%n", seconds(start));
        start = System.nanoTime();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("VACUUM (ANALYZE) event, event_organiser, event_provenance, need_offer, need_offer_perimeter, "
                    + "need_offer_provenance, experience, experience_provenance, map_cell");
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM event), (SELECT count(*) FROM event_organiser),"
                    + " (SELECT count(*) FROM event WHERE status = 'cancelled'), (SELECT count(*) FROM need_offer),"
                    + " (SELECT count(*) FROM need_offer_public), (SELECT count(*) FROM need_offer_perimeter),"
                    + " (SELECT count(*) FROM experience), (SELECT count(*) FROM experience WHERE outcome = 'echec'),"
                    + " (SELECT string_agg(dataset || ' ' || n, ', ' ORDER BY dataset) FROM (SELECT dataset, count(*) AS n"
                    + " FROM map_cell WHERE dataset IN ('event', 'need_offer', 'experience') GROUP BY dataset) m)")) {
                rs.next();
                System.out.printf(Locale.ROOT, "VACUUM ANALYZE in %.1f s: %s events (%s organiser links, %s cancelled), "
                        + "%s needs and offers (%s open, %s perimeter rows), %s experiences (%s échec); map cells: %s%n",
                        seconds(start), ImportBench.thousands(rs.getLong(1)), ImportBench.thousands(rs.getLong(2)),
                        ImportBench.thousands(rs.getLong(3)), ImportBench.thousands(rs.getLong(4)),
                        ImportBench.thousands(rs.getLong(5)), ImportBench.thousands(rs.getLong(6)),
                        ImportBench.thousands(rs.getLong(7)), ImportBench.thousands(rs.getLong(8)), rs.getString(9));
            }
        }
    }

    private static void printEnvironment(DatabaseConfig db, Options o) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), postgis_lib_version(), "
                     + "current_setting('shared_buffers'), current_setting('work_mem')")) {
            rs.next();
            System.out.printf(Locale.ROOT, "API benchmark: PostgreSQL %s (shared_buffers %s, work_mem %s), PostGIS %s, "
                    + "Java %s, %d CPUs, heap max %d MB%n", rs.getString(1), rs.getString(3), rs.getString(4),
                    rs.getString(2), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        System.out.printf(Locale.ROOT, "%s actors, %s events, %s needs and offers, %s experiences, %d requests per case, "
                + "%s warm-up requests, load %d s per level%s%n", ImportBench.thousands(o.actors()),
                ImportBench.thousands(o.agir().events()), ImportBench.thousands(o.agir().needsOffers()),
                ImportBench.thousands(o.agir().experiences()), o.requests(), ImportBench.thousands(o.warmUp()), o.loadSeconds(),
                o.dbOptions().isEmpty() ? "" : ", connection options " + o.dbOptions());
        // Clients, service and PostgreSQL share the CPUs: other work on the machine shows in the tails.
        System.out.printf(Locale.ROOT, "System load average at the start: %.2f%n", TerritoryBench.loadAverage());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
