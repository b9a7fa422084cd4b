package org.atlascitoyen.mapservice.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Which territories contain this point", timed two ways over the same points: through the
 * service's HTTP API, and as the service's own SQL over one plain JDBC connection. The second is
 * the floor the first is compared with: what is left between them is Spring, HTTP, the pool and
 * JSON, not PostGIS.
 */
final class TerritoryLookups {

    /** A point to look up, lon/lat in WGS84 degrees. */
    record Point(double lon, double lat) {
    }

    /** The SQL of {@code /api/territories/at}, the very file the repository runs. */
    static final String AT_SQL = "sql/territory/at.sql";

    // Named parameters as JdbcClient reads them; "::" (a cast) is not one.
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_]*)");

    private final int warmUp;

    TerritoryLookups(int warmUp) {
        this.warmUp = warmUp;
    }

    /**
     * Random points inside the region's polygon. The seed makes them the same on every run and
     * machine, so two runs time the same work.
     */
    static List<Point> randomPoints(DatabaseConfig db, int count, int seed) throws SQLException {
        String sql = "SELECT ST_X(g), ST_Y(g) FROM (SELECT (ST_Dump(ST_GeneratePoints(geom, " + count + ", " + seed
                + "))).geom AS g FROM territory WHERE kind = 'region') p";
        List<Point> points = new ArrayList<>(count);
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                points.add(new Point(rs.getDouble(1), rs.getDouble(2)));
            }
        }
        if (points.isEmpty()) {
            throw new IllegalStateException("No region polygon to draw points in: did the import load one?");
        }
        return points;
    }

    /** {@code GET /api/territories/at} for each point, one at a time on one kept-alive connection. */
    Latency service(int port, List<Point> points) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Requests are built beforehand so that the timings hold the round trip only.
        List<HttpRequest> requests = points.stream().map(p -> HttpRequest.newBuilder(URI.create(String.format(Locale.ROOT,
                "http://127.0.0.1:%d/api/territories/at?lon=%s&lat=%s", port, p.lon(), p.lat()))).GET().build()).toList();
        for (int i = 0; i < warmUp; i++) {
            client.send(requests.get(i % requests.size()), HttpResponse.BodyHandlers.ofString());
        }
        long[] nanos = new long[requests.size()];
        List<HttpResponse<String>> responses = new ArrayList<>(requests.size());
        long wallStart = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            long start = System.nanoTime();
            responses.add(client.send(requests.get(i), HttpResponse.BodyHandlers.ofString()));
            nanos[i] = System.nanoTime() - start;
        }
        long wall = System.nanoTime() - wallStart;
        // Answers are checked after the clock stops: parsing them is the client's work, not the service's.
        int nonEmpty = 0;
        int failures = 0;
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() != 200) {
                if (failures++ == 0) {
                    System.out.println("  first failed request: " + response.statusCode() + " " + response.body());
                }
            } else if (!JsonMapper.shared().readTree(response.body()).path("territories").isEmpty()) {
                nonEmpty++;
            }
        }
        return new Latency(nanos, wall, nonEmpty, failures);
    }

    /** The same SQL over one JDBC connection, prepared once, every row read. */
    Latency rawSql(DatabaseConfig db, List<Point> points) throws SQLException {
        List<String> order = new ArrayList<>();
        String sql = positional(SqlResource.load(AT_SQL), order);
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < warmUp; i++) {
                query(st, order, points.get(i % points.size()));
            }
            long[] nanos = new long[points.size()];
            int nonEmpty = 0;
            long wallStart = System.nanoTime();
            for (int i = 0; i < points.size(); i++) {
                long start = System.nanoTime();
                int rows = query(st, order, points.get(i));
                nanos[i] = System.nanoTime() - start;
                nonEmpty += rows > 0 ? 1 : 0;
            }
            return new Latency(nanos, System.nanoTime() - wallStart, nonEmpty, 0);
        }
    }

    private static int query(PreparedStatement st, List<String> order, Point p) throws SQLException {
        for (int i = 0; i < order.size(); i++) {
            st.setDouble(i + 1, order.get(i).equals("lon") ? p.lon() : p.lat());
        }
        int rows = 0;
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                // Read the columns the service maps, so that both sides fetch the same data.
                rs.getString("kind");
                rs.getString("code");
                rs.getString("name");
                rows++;
            }
        }
        return rows;
    }

    /**
     * Rewrites {@code :name} parameters as JDBC's {@code ?}, adding each name to {@code order} as
     * it occurs; only {@code lon} and {@code lat} are expected.
     */
    static String positional(String sql, List<String> order) {
        Matcher m = NAMED_PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!name.equals("lon") && !name.equals("lat")) {
                throw new IllegalStateException(AT_SQL + " has an unexpected parameter :" + name);
            }
            order.add(name);
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return out.toString();
    }
}
