package org.atlascitoyen.mapservice.bench;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.mapservice.bench.WebPage.Change;
import org.atlascitoyen.mapservice.bench.WebPage.Load;
import org.atlascitoyen.mapservice.bench.WebPage.Resource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * {@code ./atlas bench web [--actors N] [--runs R] [--warm-up W]}: the web map in the system's
 * headless Chromium over N synthetic actors (default 200,000): time to the first markers, to a
 * filtered view and after a move, and the bytes of the first view, beside the goals of the issue.
 *
 * <p>Steps, in a fresh database with the territories (dropped at the end, also on failure or
 * Ctrl-C): insert the actors ({@link SyntheticActors}: a quarter of them have the theme
 * {@code climat}), VACUUM ANALYZE; start the service in-process on a free port and Chromium
 * ({@link WebPage}); load each view W times untimed (the service's JIT, PostgreSQL's buffers);
 * then R times each:
 * <ul>
 *   <li>the first view, cold: the région as the page opens without a hash, then a city
 *       ({@code #map=12/43.6045/1.4442}), each after clearing the browser's HTTP cache: time from
 *       the navigation start to the first {@code atlas:markers} mark, DOMContentLoaded and load,
 *       and every request's bytes (Resource Timing: {@code transferSize}, headers included, and
 *       the decoded size);
 *   <li>the same views reloaded warm (a new document, the HTTP cache kept);
 *   <li>the filtered view: a new document at the région's view with {@code &theme=climat}, cold;
 *       and the same filter added to the hash of a loaded page, timed from the change to the last
 *       drawing it causes; a filter that changes nothing is reported, not waited for;
 *   <li>moves (pan, zoom in and out, a jump) made through the hash, as a shared link or the Back
 *       button does, each timed from the change to the last drawing it causes.
 * </ul>
 * The first view's bytes are split by kind, beside what gzip would make of the responses sent
 * uncompressed, and why they were ({@link WebBytes}). Last, the clusters request of each first
 * view alone, over HTTP from Java, as a reference for the page's times. Raster tiles never load (see {@link WebPage}): they come from the tile
 * server, not the service, and are not counted. Goals are printed, never asserted.
 */
final class WebBench {

    private static final String REGION = "/";
    private static final String CITY = "/#map=12/43.6045/1.4442";
    private static final String FILTER = "&theme=climat";
    private static final List<Move> MOVES = List.of(
            new Move("pan east half a screen (z12)", "#map=12/43.6045/1.6642"),
            new Move("zoom in (z13, single actors)", "#map=13/43.6045/1.6642"),
            new Move("zoom out (z11)", "#map=11/43.6045/1.6642"),
            new Move("zoom out (z9)", "#map=9/43.6045/1.6642"),
            new Move("jump to Montpellier (z12, from the z9 view)", "#map=12/43.6108/3.8767"));
    /** How long a change in the page may take to redraw the markers before it counts as "no redraw". */
    private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(10);
    private static final int API_WARM_UP = 5;
    private static final int API_REQUESTS = 50;

    // Goals stated in the issue; printed beside the figures, never asserted.
    private static final double FIRST_MARKERS_GOAL_MILLIS = 1500;
    private static final long FIRST_VIEW_BYTES_GOAL = 2_000_000;

    private record Options(int actors, int runs, int warmUp) {

        static Options parse(List<String> args) {
            Map<String, String> values = new LinkedHashMap<>(Map.of("--actors", "200000", "--runs", "10", "--warm-up", "3"));
            for (int i = 0; i < args.size(); i += 2) {
                if (!values.containsKey(args.get(i)) || i + 1 == args.size() || !args.get(i + 1).matches("\\d{1,7}")) {
                    throw new IllegalArgumentException("web takes [--actors N] [--runs R] [--warm-up W], got "
                            + String.join(" ", args));
                }
                values.put(args.get(i), args.get(i + 1));
            }
            Options o = new Options(Integer.parseInt(values.get("--actors")), Integer.parseInt(values.get("--runs")),
                    Integer.parseInt(values.get("--warm-up")));
            if (o.actors() < 1 || o.runs() < 1) {
                throw new IllegalArgumentException("web needs --actors and --runs of 1 or more");
            }
            return o;
        }
    }

    /** A move of the map, made by setting the URL hash. */
    private record Move(String label, String hash) {
    }

    /** The page loads of one case, how many did not draw their markers, and a note for the table. */
    private record Loads(String name, List<Load> loads, int failures, String note) {

        Loads withNote(String note) {
            return new Loads(name, loads, failures, note);
        }

        List<Double> firstMarkers() {
            return loads.stream().map(Load::firstMarkers).toList();
        }

        Load last() {
            return loads.get(loads.size() - 1);
        }
    }

    /** The changes of one case made in a loaded page, each with the markers before it. */
    private record Changes(String name, List<Change> changes, List<WebPage.Markers> before) {

        List<Double> times() {
            return changes.stream().filter(Change::redrawn).map(Change::last).toList();
        }

        int notRedrawn() {
            return (int) changes.stream().filter(c -> !c.redrawn()).count();
        }

        int redrawnTwice() {
            return (int) changes.stream().filter(c -> c.redraws() > 1).count();
        }
    }

    private WebBench() {
    }

    static void run(List<String> args) throws Exception {
        Options options = Options.parse(args);
        TerritoryBench.quietLogging();
        ScratchDatabase.run(db -> measure(db, options));
        System.out.printf(Locale.ROOT, "System load average at the end: %.2f%n", TerritoryBench.loadAverage());
    }

    private static void measure(DatabaseConfig db, Options options) throws Exception {
        printEnvironment(db, options);
        insertActors(db, options.actors());
        long start = System.nanoTime();
        try (ConfigurableApplicationContext app = TerritoryBench.startService(db)) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            System.out.printf(Locale.ROOT, "Map service started in %.1f s on port %d%n", seconds(start), port);
            checkWebFiles(port);
            try (WebPage page = WebPage.start(port)) {
                System.out.printf(Locale.ROOT, "Browser: %s, headless, window 1280x800, reduced motion; cold cache = "
                        + "DevTools Network.clearBrowserCache before the load%n", page.browserVersion());
                measure(page, port, options, compression(app));
            }
        }
    }

    private static void measure(WebPage page, int port, Options options, WebBytes.Compression compression)
            throws Exception {
        long start = System.nanoTime();
        String regionHash = warmUp(page, options.warmUp());
        System.out.printf(Locale.ROOT, "Warm-up: %d rounds of untimed loads in %.1f s%n", options.warmUp(), seconds(start));
        System.out.printf(Locale.ROOT, "Views: région = / (no hash: the page fits the région, and writes %s), city = %s "
                + "(Toulouse)%n", regionHash, CITY.substring(1));
        String filtered = "/" + regionHash + FILTER;
        int runs = options.runs();

        start = System.nanoTime();
        page.failedTiles(); // drains the console: the next count is the first view's
        Loads regionCold = loads(page, "région, cold cache", REGION, runs, true);
        int failedTiles = page.failedTiles() / Math.max(1, regionCold.loads().size());
        Loads regionWarm = loads(page, "région, warm reload", REGION, runs, false);
        Loads cityCold = loads(page, "city, cold cache", CITY, runs, true);
        Loads cityWarm = loads(page, "city, warm reload", CITY, runs, false);
        WebPage.Markers unfiltered = page.load("/" + regionHash).markers();
        Loads filteredCold = loads(page, "région " + FILTER.substring(1) + ", new page, cold cache", filtered, runs, true);
        Changes filterChange = filterChanges(page, runs);
        Map<Move, Changes> moves = moves(page, runs);
        System.out.printf(Locale.ROOT, "Timed: %d runs of each case in %.1f s%n", runs, seconds(start));

        printTimes(List.of(regionCold, regionWarm, cityCold, cityWarm,
                filteredCold.withNote(filterNote(filteredCold, unfiltered))), filterChange);
        printMoves(moves);
        printStartUp(regionCold);
        printBytes(regionCold, failedTiles, port, compression);
        printOtherBytes(List.of(regionWarm, cityCold, cityWarm, filteredCold));
        printApi(port, List.of(regionCold, cityCold));
        printGoals(regionCold, cityCold);
    }

    /**
     * Loads each view {@code rounds} times, untimed, and the moves once: the service's code paths
     * get compiled and PostgreSQL's buffers filled before the clock starts. Returns the hash the
     * page writes for its default view.
     */
    private static String warmUp(WebPage page, int rounds) {
        page.clearCache();
        String regionHash = page.load(REGION).hash();
        for (int i = 0; i < rounds; i++) {
            page.clearCache();
            page.load(REGION);
            page.load(CITY);
            page.load("/" + regionHash + FILTER);
            if (i == 0) {
                for (Move move : MOVES) {
                    page.changeHash(move.hash(), CHANGE_TIMEOUT);
                }
            }
        }
        return regionHash;
    }

    private static Loads loads(WebPage page, String name, String url, int runs, boolean cold) {
        List<Load> loads = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < runs; i++) {
            if (cold) {
                page.clearCache();
            }
            Load load = page.load(url);
            if (load.ready()) {
                loads.add(load);
            } else {
                failures++;
            }
        }
        if (loads.isEmpty()) {
            throw new IllegalStateException(name + ": the markers failed to load in every run");
        }
        return new Loads(name, loads, failures, "");
    }

    /**
     * The theme filter added to the hash of the loaded région view (its cache cleared first, so
     * that the filtered answer of a previous run is not reused).
     */
    private static Changes filterChanges(WebPage page, int runs) {
        List<Change> changes = new ArrayList<>();
        List<WebPage.Markers> before = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            page.clearCache();
            Load load = page.load(REGION);
            before.add(load.markers());
            changes.add(page.changeHash(load.hash() + FILTER, CHANGE_TIMEOUT));
        }
        return new Changes("région, " + FILTER.substring(1) + " added in the page", changes, before);
    }

    /** Each run: the city view loaded with a cleared cache (untimed), then every move in turn. */
    private static Map<Move, Changes> moves(WebPage page, int runs) {
        Map<Move, List<Change>> changes = new LinkedHashMap<>();
        MOVES.forEach(m -> changes.put(m, new ArrayList<>()));
        for (int i = 0; i < runs; i++) {
            page.clearCache();
            page.load(CITY);
            for (Move move : MOVES) {
                changes.get(move).add(page.changeHash(move.hash(), CHANGE_TIMEOUT));
            }
        }
        Map<Move, Changes> result = new LinkedHashMap<>();
        changes.forEach((move, list) -> result.put(move, new Changes(move.label(), list, List.of())));
        return result;
    }

    /** Whether the filtered page load drew fewer actors than the same view without the filter. */
    private static String filterNote(Loads filtered, WebPage.Markers unfiltered) {
        Load load = filtered.last();
        Resource clusters = load.clusters();
        boolean asked = clusters != null && clusters.path().contains(FILTER.substring(1));
        if (asked || load.markers().actors() != unfiltered.actors()) {
            return String.format(Locale.ROOT, "%s of %s actors%s", ImportBench.thousands(load.markers().actors()),
                    ImportBench.thousands(unfiltered.actors()), asked ? "" : " (no theme in the clusters request)");
        }
        return "filters not applied: markers unchanged";
    }

    private static String changeNote(Changes c) {
        if (c.times().isEmpty()) {
            return "no redraw within " + CHANGE_TIMEOUT.toSeconds() + " s";
        }
        Change last = c.changes().get(c.changes().size() - 1);
        long before = c.before().get(c.before().size() - 1).actors();
        boolean asked = last.clusters() != null && last.clusters().path().contains(FILTER.substring(1));
        String note = asked || last.markers().actors() != before
                ? String.format(Locale.ROOT, "%s of %s actors", ImportBench.thousands(last.markers().actors()),
                        ImportBench.thousands(before))
                : "filters not applied: markers unchanged";
        return note + redrawNote(c);
    }

    private static String redrawNote(Changes c) {
        String note = "";
        if (c.notRedrawn() > 0) {
            note += "; " + c.notRedrawn() + " without redraw in " + CHANGE_TIMEOUT.toSeconds() + " s";
        }
        if (c.redrawnTwice() > 0) {
            note += "; " + c.redrawnTwice() + " drew more than once (timed to the last)";
        }
        return note;
    }

    private static final String TIME_ROW = "  %-44s %3s %7s %7s | %7s %7s %7s | %7s %9s  %s%n";

    private static void printTimes(List<Loads> loads, Changes filterChange) {
        System.out.printf(Locale.ROOT, "%nTime to the markers, ms: page loads from the navigation start (DOMContentLoaded, "
                + "load and first markers), changes in a loaded page from the change to the markers redrawn%n");
        System.out.printf(Locale.ROOT, TIME_ROW, "case", "n", "DCL p50", "load p50", "p50", "p95", "max", "drawn",
                "actors", "");
        for (Loads l : loads) {
            Latency first = latency(l.firstMarkers());
            Load last = l.last();
            String note = l.note();
            if (l.failures() > 0) {
                note += (note.isEmpty() ? "" : "; ") + l.failures() + " runs failed to draw the markers";
            }
            System.out.printf(Locale.ROOT, TIME_ROW, l.name(), l.loads().size(),
                    ms(median(l.loads().stream().map(Load::domContentLoaded).toList())),
                    ms(median(l.loads().stream().map(Load::load).toList())),
                    ms(first.percentileMillis(50)), ms(first.percentileMillis(95)), ms(first.maxMillis()),
                    last.markers().drawn(), ImportBench.thousands(last.markers().actors()), note);
        }
        changeRow(filterChange, changeNote(filterChange));
        System.out.println("  drawn = markers on the map (cluster discs and single actors), actors = what they count;"
                + " DCL = DOMContentLoaded");
    }

    private static void changeRow(Changes c, String note) {
        List<Double> times = c.times();
        Change last = c.changes().get(c.changes().size() - 1);
        if (times.isEmpty()) {
            System.out.printf(Locale.ROOT, TIME_ROW, c.name(), 0, "", "", "-", "-", "-", "", "", note);
            return;
        }
        Latency l = latency(times);
        System.out.printf(Locale.ROOT, TIME_ROW, c.name(), times.size(), "", "", ms(l.percentileMillis(50)),
                ms(l.percentileMillis(95)), ms(l.maxMillis()), last.markers().drawn(),
                ImportBench.thousands(last.markers().actors()), note);
    }

    private static final String MOVE_ROW = "  %-44s %3s | %7s %7s %7s | %9s %9s | %7s %9s  %s%n";

    /**
     * Each move beside its clusters request as the page timed it (Resource Timing), so that the
     * service's share and the drawing's can be told apart.
     */
    private static void printMoves(Map<Move, Changes> moves) {
        System.out.printf(Locale.ROOT, "%nMoves, each from the view the previous one left, starting at the city view; made "
                + "through the URL hash (the page sets the view, asks for the clusters, draws them); ms from the change to "
                + "the markers redrawn; cache cleared before each series; request = p50 of the clusters request's "
                + "duration in the page, kB = its transferred size%n");
        System.out.printf(Locale.ROOT, MOVE_ROW, "move", "n", "p50", "p95", "max", "request", "kB", "drawn", "actors", "");
        List<Double> all = new ArrayList<>();
        for (Changes c : moves.values()) {
            List<Double> times = c.times();
            all.addAll(times);
            String note = redrawNote(c).replaceFirst("^; ", "");
            if (times.isEmpty()) {
                System.out.printf(Locale.ROOT, MOVE_ROW, c.name(), 0, "-", "-", "-", "", "", "", "", note);
                continue;
            }
            Latency l = latency(times);
            List<Resource> requests = c.changes().stream().map(Change::clusters).filter(r -> r != null).toList();
            Change last = c.changes().get(c.changes().size() - 1);
            System.out.printf(Locale.ROOT, MOVE_ROW, c.name(), times.size(), ms(l.percentileMillis(50)),
                    ms(l.percentileMillis(95)), ms(l.maxMillis()),
                    requests.isEmpty() ? "-" : ms(median(requests.stream().map(Resource::duration).toList())),
                    last.clusters() == null ? "-" : String.format(Locale.ROOT, "%.1f", last.clusters().transfer() / 1e3),
                    last.markers().drawn(), ImportBench.thousands(last.markers().actors()), note);
        }
        if (!all.isEmpty()) {
            Latency l = latency(all);
            System.out.printf(Locale.ROOT, MOVE_ROW, "every move", all.size(), ms(l.percentileMillis(50)),
                    ms(l.percentileMillis(95)), ms(l.maxMillis()), "", "", "", "", "");
        }
    }

    /**
     * Where the first view's time goes, medians over the runs: the page's start-up until it asks
     * for the clusters, the request, then reading the answer and drawing the markers.
     */
    private static void printStartUp(Loads cold) {
        List<Double> asked = new ArrayList<>();
        List<Double> sent = new ArrayList<>();
        List<Double> firstByte = new ArrayList<>();
        List<Double> received = new ArrayList<>();
        List<Double> drawn = new ArrayList<>();
        for (Load load : cold.loads()) {
            Resource clusters = clustersBefore(load, load.firstMarkers());
            if (clusters != null) {
                asked.add(clusters.start());
                sent.add(clusters.requestStart());
                firstByte.add(clusters.responseStart());
                received.add(clusters.end());
                drawn.add(load.firstMarkers());
            }
        }
        if (sent.isEmpty()) {
            System.out.printf(Locale.ROOT, "%nNo clusters request seen before the first markers of %s%n", cold.name());
            return;
        }
        double a = median(asked);
        double s = median(sent);
        double f = median(firstByte);
        double r = median(received);
        double d = median(drawn);
        System.out.printf(Locale.ROOT, "%nWhere the first view's time goes, %s, medians in ms from the navigation start%n",
                cold.name());
        System.out.printf(Locale.ROOT, "  %-58s %7s%n", "the page asks for the clusters (HTML, scripts, map set up)", ms(a));
        System.out.printf(Locale.ROOT, "  %-58s %7s  (+%s)%n", "request sent (after the queue: 6 connections per host)",
                ms(s), ms(s - a));
        System.out.printf(Locale.ROOT, "  %-58s %7s  (+%s)%n", "first byte of the answer (the service)", ms(f), ms(f - s));
        System.out.printf(Locale.ROOT, "  %-58s %7s  (+%s)%n", "answer received", ms(r), ms(r - f));
        System.out.printf(Locale.ROOT, "  %-58s %7s  (+%s)%n", "markers drawn (JSON parsed, Leaflet markers added)", ms(d),
                ms(d - r));
    }

    /** The clusters request that answered last before a time: the one the drawing used. */
    private static Resource clustersBefore(Load load, double time) {
        return load.resources().stream().filter(Resource::clusters).filter(r -> r.end() <= time)
                .reduce((a, b) -> b).orElse(null);
    }

    private static void printBytes(Loads cold, int failedTiles, int port, WebBytes.Compression compression)
            throws Exception {
        WebBytes.print(cold.name(), cold.last(), port, compression);
        long min = cold.loads().stream().mapToLong(WebBytes::transferred).min().orElseThrow();
        long max = cold.loads().stream().mapToLong(WebBytes::transferred).max().orElseThrow();
        System.out.printf(Locale.ROOT, "  transferred in each of the %d runs: %s%n", cold.loads().size(),
                min == max ? "the same" : kb(min) + " to " + kb(max));
        System.out.printf(Locale.ROOT, "  not counted: the OpenStreetMap raster tiles (%d per view here), which come from "
                + "the tile server, not the service; Chromium resolves no host but localhost, so they fail at once%n",
                failedTiles);
    }

    /** Total bytes of the other cases' loads (last run), to compare with the first view. */
    private static void printOtherBytes(List<Loads> cases) {
        System.out.printf(Locale.ROOT, "%nBytes transferred by the other loads (last run; 0 for what came from the cache)%n");
        for (Loads c : cases) {
            Load load = c.last();
            long total = load.document().transfer();
            long clusters = 0;
            long cached = 0;
            for (Resource r : load.resources()) {
                if (r.local()) {
                    total += r.transfer();
                    clusters += r.clusters() ? r.transfer() : 0;
                    cached += r.transfer() == 0 ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "  %-40s %12s, of which actor clusters %s; %d requests from the cache%n",
                    c.name(), kb(total), kb(clusters), cached);
        }
    }

    /**
     * The clusters request of each first view: as the page saw it (cold runs), then the same URL
     * over HTTP from Java, one at a time, which is the service alone.
     */
    private static void printApi(int port, List<Loads> cases) throws Exception {
        System.out.printf(Locale.ROOT, "%nThe clusters request of the first view, ms: in the page (cold runs, Resource Timing: "
                + "duration, and waiting = request sent to first byte), then the same URL over HTTP from Java (gzip, "
                + "%d after %d warm-up)%n", API_REQUESTS, API_WARM_UP);
        String row = "  %-10s %9s %9s %9s %9s %9s %9s %11s%n";
        System.out.printf(Locale.ROOT, row, "view", "page p50", "p95", "wait p50", "p95", "Java p50", "p95", "bytes sent");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (Loads c : cases) {
            List<Resource> requests = c.loads().stream().map(l -> clustersBefore(l, l.firstMarkers()))
                    .filter(r -> r != null).toList();
            if (requests.isEmpty()) {
                continue;
            }
            Latency page = latency(requests.stream().map(Resource::duration).toList());
            Latency waiting = latency(requests.stream().map(Resource::waiting).toList());
            Resource last = requests.get(requests.size() - 1);
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + last.path()))
                    .header("Accept", "application/geo+json, application/json, application/problem+json")
                    .header("Accept-Encoding", "gzip").build();
            List<Double> direct = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < API_WARM_UP + API_REQUESTS; i++) {
                long start = System.nanoTime();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                double millis = (System.nanoTime() - start) / 1e6;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + last.path() + " answered " + response.statusCode());
                }
                if (i >= API_WARM_UP) {
                    direct.add(millis);
                    bytes = response.body().length;
                }
            }
            Latency java = latency(direct);
            System.out.printf(Locale.ROOT, row, c.name().replaceFirst(",.*", ""), ms(page.percentileMillis(50)),
                    ms(page.percentileMillis(95)), ms(waiting.percentileMillis(50)), ms(waiting.percentileMillis(95)),
                    ms(java.percentileMillis(50)), ms(java.percentileMillis(95)), ImportBench.thousands(bytes));
            System.out.printf(Locale.ROOT, "    GET %s%n", last.path());
        }
        System.out.println("  the SQL alone of such requests: ./atlas bench tiles (the same cells, as vector tiles)");
    }

    private static void printGoals(Loads regionCold, Loads cityCold) {
        System.out.printf(Locale.ROOT, "%nGoals of the issue (loopback, cold cache)%n");
        for (Loads l : List.of(regionCold, cityCold)) {
            double p95 = latency(l.firstMarkers()).percentileMillis(95);
            goal("first markers p95, " + l.name().replaceFirst(",.*", ""), ms(p95) + " ms",
                    "< " + ImportBench.thousands(FIRST_MARKERS_GOAL_MILLIS) + " ms", p95 < FIRST_MARKERS_GOAL_MILLIS);
        }
        long bytes = regionCold.loads().stream().mapToLong(WebBytes::transferred).max().orElseThrow();
        goal("bytes of the first view (région)", String.format(Locale.ROOT, "%.2f MB", bytes / 1e6),
                "< " + FIRST_VIEW_BYTES_GOAL / 1_000_000 + " MB", bytes < FIRST_VIEW_BYTES_GOAL);
        System.out.println("  MB = 1,000,000 bytes, the largest of the runs; raster tiles not counted");
    }

    private static void goal(String what, String figure, String goal, boolean met) {
        System.out.printf(Locale.ROOT, "  %-40s %10s   goal %-10s %s%n", what, figure, goal, met ? "met" : "NOT met");
    }

    /** The service's gzip settings, to tell why a response went uncompressed. */
    private static WebBytes.Compression compression(ConfigurableApplicationContext app) {
        var env = app.getEnvironment();
        return new WebBytes.Compression(
                List.of(env.getProperty("server.compression.mime-types", String[].class, new String[0])),
                DataSize.parse(env.getProperty("server.compression.min-response-size", "2KB")).toBytes());
    }

    /** Inserts the actors straight into the tables (the triggers fill the stored clusters), then VACUUM ANALYZE. */
    private static void insertActors(DatabaseConfig db, int actors) throws SQLException {
        long start = System.nanoTime();
        SyntheticActors.insert(db, actors);
        double insert = seconds(start);
        start = System.nanoTime();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // VACUUM too, not only ANALYZE: it sets the visibility map, as autovacuum soon would on a
            // real server, and the timings must not depend on whether it ran during the benchmark.
            st.execute("VACUUM (ANALYZE) actor, map_cell");
            try (ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE 'climat' = ANY (themes)),"
                    + " (SELECT count(*) FROM map_cell) FROM actor")) {
                rs.next();
                System.out.printf(Locale.ROOT, "%nSynthetic actors: %s inserted in %.1f s (%s with the theme climat, "
                        + "%s stored cluster cells), VACUUM ANALYZE in %.1f s%n", ImportBench.thousands(rs.getLong(1)),
                        insert, ImportBench.thousands(rs.getLong(2)), ImportBench.thousands(rs.getLong(3)), seconds(start));
            }
        }
    }

    /** The page the service serves at / must be the web map; says which files it comes from. */
    private static void checkWebFiles(int port) throws Exception {
        HttpResponse<String> index = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (index.statusCode() != 200 || !index.body().contains("id=\"map\"")) {
            throw new IllegalStateException("GET / answered " + index.statusCode() + " without the map: is the web module "
                    + "on the classpath?");
        }
        URL source = WebBench.class.getClassLoader().getResource("static/index.html");
        System.out.printf(Locale.ROOT, "Web files: GET / answers the map (%s bytes) from %s%n",
                ImportBench.thousands(index.body().length()), source);
    }

    private static void printEnvironment(DatabaseConfig db, Options o) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('server_version'), postgis_lib_version()")) {
            rs.next();
            System.out.printf(Locale.ROOT, "Web benchmark: PostgreSQL %s, PostGIS %s, Java %s, %d CPUs, heap max %d MB%n",
                    rs.getString(1), rs.getString(2), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
        }
        System.out.printf(Locale.ROOT, "%s actors, %d runs per case, %d warm-up rounds%n", ImportBench.thousands(o.actors()),
                o.runs(), o.warmUp());
        // Browser, service and PostgreSQL share the CPUs: other work on the machine shows in the tails.
        System.out.printf(Locale.ROOT, "System load average at the start: %.2f%n", TerritoryBench.loadAverage());
    }

    private static Latency latency(List<Double> millis) {
        return new Latency(millis.stream().mapToLong(m -> Math.round(m * 1e6)).toArray(), 0, 0, 0);
    }

    private static double median(List<Double> values) {
        return latency(values).percentileMillis(50);
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f" : "%.1f", millis);
    }

    private static String kb(long bytes) {
        return WebBytes.kb(bytes);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
