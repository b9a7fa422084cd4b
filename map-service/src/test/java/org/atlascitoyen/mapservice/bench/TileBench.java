package org.atlascitoyen.mapservice.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;
import org.atlascitoyen.importers.record.RecordKind;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.PageSql;
import org.atlascitoyen.mapservice.tiles.Tile;
import org.atlascitoyen.mapservice.tiles.TileSql;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code ./atlas bench tiles [--actors N] [--spread uniform|communes] [--tiles N]}: vector tiles
 * of N synthetic actors (default 200,000) at zooms 6 to 14, through the service and as its raw
 * SQL over one JDBC connection, in a fresh database dropped at the end.
 *
 * <p>Actors are drawn by SQL (seeded) in the region's box ({@code uniform}), or in its communes
 * by population, 60% at the commune's point as directories locate them by commune alone
 * ({@code communes}). Tiles: all those over the region's box up to zoom 8, else {@code --tiles}
 * tiles (default 200) holding a random actor. Each tile is asked for cold (first request: not in
 * the tile cache, rendered by PostGIS), warm (the same request again: from the cache), with its
 * ETag (304), and cold with a theme filter (clustered on the fly). Goals are printed, never
 * asserted.
 */
final class TileBench {

    private static final double[] REGION_BOX = {0.0, 42.3, 4.9, 45.1};
    private static final double P95_GOAL_MILLIS = 25;
    private static final int WARM_UP = 2000;
    private static final int CLUSTER_BELOW_ZOOM = 13;
    private static final Filter THEME = new Filter(RecordKind.ACTOR, null, null, null, List.of("climat"), null, null, null);

    private record Options(int actors, String spread, int tiles) {
    }

    /** The timings of one zoom. */
    private record Zoom(int z, List<Tile> tiles, Latency cold, Latency warm, Latency notModified, Latency filtered,
                        Latency raw, long bytes) {
    }

    private TileBench() {
    }

    static void run(List<String> args) throws Exception {
        Options options = options(args);
        LoggingSystem.get(TileBench.class.getClassLoader()).setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        DatabaseConfig db = TestDatabases.withTerritories();
        try {
            measure(db, options);
        } finally {
            TestDatabases.drop(db);
        }
    }

    private static Options options(List<String> args) {
        int actors = 200_000;
        String spread = "uniform";
        int tiles = 200;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            switch (args.get(i)) {
                case "--actors" -> actors = Integer.parseInt(args.get(i + 1));
                case "--spread" -> spread = args.get(i + 1);
                case "--tiles" -> tiles = Integer.parseInt(args.get(i + 1));
                default -> throw new IllegalArgumentException("tiles takes [--actors N] [--spread uniform|communes] [--tiles N]");
            }
        }
        if (args.size() % 2 != 0 || !Set.of("uniform", "communes").contains(spread)) {
            throw new IllegalArgumentException("tiles takes [--actors N] [--spread uniform|communes] [--tiles N]");
        }
        return new Options(actors, spread, tiles);
    }

    private static void measure(DatabaseConfig db, Options options) throws Exception {
        System.out.printf(Locale.ROOT, "Tile benchmark: %d actors (%s), %d CPUs, load average %.2f%n", options.actors(),
                options.spread(), Runtime.getRuntime().availableProcessors(), loadAverage());
        load(db, options);
        Map<Integer, List<Tile>> tiles = new TreeMap<>();
        for (int z = 6; z <= 14; z++) {
            tiles.put(z, tiles(db, z, options.tiles()));
        }
        List<Zoom> zooms = new ArrayList<>();
        try (ConfigurableApplicationContext app = TerritoryBench.startService(db)) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Http http = new Http(port);
            warmUp(http);
            for (var entry : tiles.entrySet()) {
                zooms.add(zoom(http, entry.getKey(), entry.getValue()));
            }
        }
        raw(db, zooms);
        print(zooms);
        explain(db);
    }

    /** Inserts the actors (the triggers of V5 compute the stored clusters), then moves 100 of them. */
    private static void load(DatabaseConfig db, Options options) throws SQLException {
        String points = options.spread().equals("uniform")
                ? "SELECT g, ST_SetSRID(ST_MakePoint(" + REGION_BOX[0] + " + random() * " + (REGION_BOX[2] - REGION_BOX[0]) + ", "
                        + REGION_BOX[1] + " + random() * " + (REGION_BOX[3] - REGION_BOX[1]) + "), 4326) AS geom"
                        + " FROM generate_series(1, " + options.actors() + ") g"
                : "SELECT row_number() OVER () AS g, CASE WHEN random() < 0.6 THEN c.label_point ELSE ST_SetSRID(ST_MakePoint("
                        + "ST_X(c.label_point) + (random() - 0.5) * 0.03, ST_Y(c.label_point) + (random() - 0.5) * 0.02), 4326) END AS geom"
                        + " FROM (SELECT t.label_point, c.population, sum(c.population) OVER () AS total FROM commune c"
                        + " JOIN territory t ON t.kind = 'commune' AND t.code = c.code"
                        + " WHERE t.label_point IS NOT NULL AND c.population > 0) c"
                        + " CROSS JOIN LATERAL generate_series(1, round(c.population::numeric / c.total * " + options.actors() + ")::int)";
        long start = System.nanoTime();
        execute(db, "SELECT setseed(0.42)",
                "INSERT INTO actor (name, name_search, type, themes, geom, precision)"
                        + " SELECT 'Acteur ' || p.g, 'acteur ' || p.g, t.a[1 + floor(random() * cardinality(t.a))::int],"
                        + " ARRAY[h.a[1 + floor(random() * cardinality(h.a))::int], h.a[1 + floor(random() * cardinality(h.a))::int]],"
                        + " p.geom, 'address'"
                        + " FROM (" + points + ") p,"
                        + " (SELECT array_agg(code ORDER BY code) AS a FROM actor_type) t,"
                        + " (SELECT array_agg(code ORDER BY code) AS a FROM theme) h",
                "VACUUM ANALYZE actor", "VACUUM ANALYZE map_cell");
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        execute(db, "UPDATE actor SET geom = ST_SetSRID(ST_MakePoint(ST_X(geom) + 0.001, ST_Y(geom)), 4326) WHERE id % 2000 = 0");
        double moveSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  insert of the actors with their stored clusters: %.1f s (%d cells); moving 100 of them: %.2f s%n",
                loadSeconds, count(db, "SELECT count(*) FROM map_cell"), moveSeconds);
    }

    /** Every tile over the region's box, or a sample of tiles holding an actor when they are more. */
    private static List<Tile> tiles(DatabaseConfig db, int z, int sample) throws SQLException {
        int[] min = tileAt(REGION_BOX[0], REGION_BOX[3], z);
        int[] max = tileAt(REGION_BOX[2], REGION_BOX[1], z);
        Set<Tile> tiles = new LinkedHashSet<>();
        if ((long) (max[0] - min[0] + 1) * (max[1] - min[1] + 1) <= sample) {
            for (int x = min[0]; x <= max[0]; x++) {
                for (int y = min[1]; y <= max[1]; y++) {
                    tiles.add(new Tile(z, x, y));
                }
            }
            return List.copyOf(tiles);
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT setseed(" + (0.1 + z / 100.0) + ")");
            try (ResultSet rs = st.executeQuery("SELECT ST_X(geom), ST_Y(geom) FROM actor ORDER BY random() LIMIT " + sample * 2)) {
                while (rs.next() && tiles.size() < sample) {
                    int[] t = tileAt(rs.getDouble(1), rs.getDouble(2), z);
                    tiles.add(new Tile(z, t[0], t[1]));
                }
            }
        }
        return List.copyOf(tiles);
    }

    /** Requests that compile Spring's and Tomcat's paths before the clock starts (zoom 16: not measured). */
    private static void warmUp(Http http) throws IOException, InterruptedException {
        for (int i = 0; i < WARM_UP; i++) {
            int[] t = tileAt(REGION_BOX[0] + (i * 0.618 % 1) * 4.9, REGION_BOX[1] + (i * 0.414 % 1) * 2.8, 16);
            http.get("/tiles/actors/16/" + t[0] + "/" + t[1] + ".pbf" + (i % 2 == 0 ? "" : "?theme=culture"), null);
        }
    }

    private static Zoom zoom(Http http, int z, List<Tile> tiles) throws IOException, InterruptedException {
        long[] cold = new long[tiles.size()];
        long[] warm = new long[tiles.size()];
        long[] notModified = new long[tiles.size()];
        long[] filtered = new long[tiles.size()];
        long bytes = 0;
        int failures = 0;
        List<String> etags = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            String path = "/tiles/actors/" + tiles.get(i) + ".pbf";
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.get(path, null);
            cold[i] = System.nanoTime() - start;
            failures += response.statusCode() / 100 == 2 ? 0 : 1;
            bytes += response.body().length;
            etags.add(response.headers().firstValue("ETag").orElse(null));
        }
        for (int i = 0; i < tiles.size(); i++) {
            long start = System.nanoTime();
            http.get("/tiles/actors/" + tiles.get(i) + ".pbf", null);
            warm[i] = System.nanoTime() - start;
        }
        for (int i = 0; i < tiles.size(); i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.get("/tiles/actors/" + tiles.get(i) + ".pbf", etags.get(i));
            notModified[i] = System.nanoTime() - start;
            failures += response.statusCode() == 304 ? 0 : 1;
        }
        for (int i = 0; i < tiles.size(); i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.get("/tiles/actors/" + tiles.get(i) + ".pbf?theme=climat", null);
            filtered[i] = System.nanoTime() - start;
            failures += response.statusCode() / 100 == 2 ? 0 : 1;
        }
        return new Zoom(z, tiles, new Latency(cold, 0, 0, failures), new Latency(warm, 0, 0, 0),
                new Latency(notModified, 0, 0, 0), new Latency(filtered, 0, 0, 0), null, bytes / tiles.size());
    }

    /** The service's SQL for the same tiles, over one JDBC connection set up as the service's. */
    private static void raw(DatabaseConfig db, List<Zoom> zooms) throws SQLException {
        SingleConnectionDataSource single = new SingleConnectionDataSource(db.url(), db.readerUser(), db.readerPassword(), true);
        try {
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(single);
            jdbc.getJdbcTemplate().execute("SET jit = off");
            jdbc.getJdbcTemplate().execute("SET plan_cache_mode = force_custom_plan");
            Filter all = Filter.all(RecordKind.ACTOR);
            for (int i = 0; i < zooms.size(); i++) {
                Zoom zoom = zooms.get(i);
                long[] nanos = new long[zoom.tiles().size()];
                for (int t = 0; t < nanos.length; t++) {
                    Tile tile = zoom.tiles().get(t);
                    PageSql.Statement sql = TileSql.tile(tile, all, TileSql.mode(tile.z(), all, CLUSTER_BELOW_ZOOM));
                    long start = System.nanoTime();
                    jdbc.query(sql.sql(), sql.params(), (ResultSet rs) -> rs.next() ? rs.getBytes(1) : null);
                    nanos[t] = System.nanoTime() - start;
                }
                zooms.set(i, new Zoom(zoom.z(), zoom.tiles(), zoom.cold(), zoom.warm(), zoom.notModified(), zoom.filtered(),
                        new Latency(nanos, 0, 0, 0), zoom.bytes()));
            }
        } finally {
            single.destroy();
        }
    }

    private static void print(List<Zoom> zooms) {
        System.out.printf(Locale.ROOT, "%nActor tiles, one request at a time, milliseconds (p50 / p95 / max)%n");
        System.out.printf(Locale.ROOT, "  %-4s %5s %-13s %9s  %-21s %-21s %-15s %-15s %-21s%n", "zoom", "tiles", "SQL",
                "bytes", "cold (rendered)", "raw SQL (JDBC)", "warm (cache)", "304 (ETag)", "cold, theme=climat");
        boolean met = true;
        for (Zoom z : zooms) {
            Filter all = Filter.all(RecordKind.ACTOR);
            System.out.printf(Locale.ROOT, "  %-4d %5d %-13s %9d  %-21s %-21s %-15s %-15s %-21s%s%n", z.z(), z.tiles().size(),
                    TileSql.mode(z.z(), all, CLUSTER_BELOW_ZOOM).name().toLowerCase(Locale.ROOT), z.bytes(), three(z.cold()),
                    three(z.raw()), two(z.warm()), two(z.notModified()), three(z.filtered()),
                    z.cold().failures() > 0 ? "  " + z.cold().failures() + " FAILED" : "");
            met &= z.cold().percentileMillis(95) < P95_GOAL_MILLIS;
        }
        System.out.printf(Locale.ROOT, "%nGoal: unfiltered tiles p95 < %.0f ms at zooms 6-14, cold: %s%n", P95_GOAL_MILLIS,
                met ? "met" : "not met");
        System.out.printf(Locale.ROOT, "System load average at the end: %.2f%n", loadAverage());
    }

    /** EXPLAIN ANALYZE of the tile over Toulouse at every other zoom, unfiltered and with a theme. */
    private static void explain(DatabaseConfig db) {
        System.out.printf(Locale.ROOT, "%nEXPLAIN ANALYZE of the tile over Toulouse (1.4442, 43.6045), execution ms:"
                + " unfiltered / theme=climat%n");
        SingleConnectionDataSource single = new SingleConnectionDataSource(db.url(), db.user(), db.password(), true);
        try {
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(single);
            jdbc.getJdbcTemplate().execute("SET jit = off");
            for (int z = 6; z <= 14; z += 2) {
                int[] t = tileAt(1.4442, 43.6045, z);
                Tile tile = new Tile(z, t[0], t[1]);
                System.out.printf(Locale.ROOT, "  z%-3d %-12s %8.2f / %8.2f%n", z, tile,
                        explain(jdbc, tile, Filter.all(RecordKind.ACTOR)), explain(jdbc, tile, THEME));
            }
        } finally {
            single.destroy();
        }
    }

    private static double explain(NamedParameterJdbcTemplate jdbc, Tile tile, Filter filter) {
        PageSql.Statement sql = TileSql.tile(tile, filter, TileSql.mode(tile.z(), filter, CLUSTER_BELOW_ZOOM));
        return jdbc.query("EXPLAIN (ANALYZE, TIMING OFF) " + sql.sql(), sql.params(), (ResultSet rs) -> {
            double ms = -1;
            while (rs.next()) {
                String line = rs.getString(1);
                if (line.startsWith("Execution Time:")) {
                    ms = Double.parseDouble(line.replaceAll("[^0-9.]", ""));
                }
            }
            return ms;
        });
    }

    private static String three(Latency l) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.0f", l.percentileMillis(50), l.percentileMillis(95), l.maxMillis());
    }

    private static String two(Latency l) {
        return String.format(Locale.ROOT, "%.2f / %.2f", l.percentileMillis(50), l.percentileMillis(95));
    }

    private static int[] tileAt(double lon, double lat, int z) {
        double n = 1 << z;
        double phi = Math.toRadians(lat);
        return new int[] {(int) Math.floor((lon + 180) / 360 * n),
            (int) Math.floor((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2 * n)};
    }

    private static long count(DatabaseConfig db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(DatabaseConfig db, String... statements) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** One kept-alive HTTP/1.1 connection to the service. */
    private static final class Http {

        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final int port;

        Http(int port) {
            this.port = port;
        }

        HttpResponse<byte[]> get(String path, String ifNoneMatch) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (ifNoneMatch != null) {
                request.header("If-None-Match", ifNoneMatch);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
