package org.atlascitoyen.mapservice.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.mapservice.bench.ApiCase.Request;
import org.atlascitoyen.mapservice.record.PageSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Sends one request at a time, to the service over HTTP (one kept-alive connection) or as its raw
 * SQL over one plain JDBC connection. The raw side runs the statements through {@link JdbcClient},
 * as the service does, and reads every column of every row, so that what is left between the two
 * is Spring MVC, HTTP, the pool, the filter checks and JSON, not PostgreSQL.
 */
final class ApiTimer implements AutoCloseable {

    /**
     * What the service answered, read after the clock stopped. For an iCalendar feed, which has no
     * count, {@code matched} is the number of its VEVENTs.
     */
    record Answer(int status, long bytes, long lines, long matched, long returned, String start) {
    }

    /** What the raw SQL found: rows of the first statement (the page), value of the last (the count). */
    record RawAnswer(long rows, long matched) {
    }

    // FeaturePage writes these first (JsonPropertyOrder), so the start of the body holds them.
    private static final Pattern MATCHED = Pattern.compile("\"numberMatched\":(\\d+)");
    private static final Pattern RETURNED = Pattern.compile("\"numberReturned\":(\\d+)");
    private static final int START_BYTES = 256;
    private static final byte[] VEVENT = "BEGIN:VEVENT".getBytes(StandardCharsets.US_ASCII);
    /**
     * A request that takes longer has gone wrong: fail the run rather than hang it (seen once when
     * the benchmark database was dropped under a running benchmark).
     */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final Connection connection;
    private final JdbcClient jdbc;
    private final byte[] buffer = new byte[1 << 16];

    /**
     * @param port      the service's port on loopback
     * @param db        the benchmark database, connected to as the service is (owner role)
     * @param dbOptions the {@code -c name=value} settings of the service's connections (JIT off,
     *                  custom plans...), so that both sides run the SQL under the same settings
     */
    ApiTimer(int port, DatabaseConfig db, String dbOptions) throws SQLException {
        this.base = "http://127.0.0.1:" + port;
        Properties props = new Properties();
        props.setProperty("user", db.user());
        props.setProperty("password", db.password() == null ? "" : db.password());
        props.setProperty("options", dbOptions.strip());
        props.setProperty("ApplicationName", "atlas-bench-raw");
        this.connection = DriverManager.getConnection(db.url(), props);
        this.jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    /** The service's answer to a request: the whole body is read, as a client must. */
    Answer send(Request request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + request.path()))
                .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        byte[] start = new byte[START_BYTES];
        int startLength = 0;
        long bytes = 0;
        long lines = 0;
        long events = 0;
        int veventAt = 0; // how much of VEVENT the last bytes matched; its 'B' appears only first
        try (InputStream in = response.body()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (startLength < START_BYTES) {
                    int copied = Math.min(n, START_BYTES - startLength);
                    System.arraycopy(buffer, 0, start, startLength, copied);
                    startLength += copied;
                }
                for (int i = 0; i < n; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                    veventAt = buffer[i] == VEVENT[veventAt] ? veventAt + 1 : buffer[i] == VEVENT[0] ? 1 : 0;
                    if (veventAt == VEVENT.length) {
                        events++;
                        veventAt = 0;
                    }
                }
                bytes += n;
            }
        }
        String head = new String(start, 0, startLength, StandardCharsets.UTF_8);
        if (head.startsWith("BEGIN:VCALENDAR")) {
            return new Answer(response.statusCode(), bytes, lines, events, -1, head);
        }
        return new Answer(response.statusCode(), bytes, lines, number(MATCHED, head), number(RETURNED, head), head);
    }

    /** The request's statements over JDBC, every row and column read. */
    RawAnswer run(Request request) {
        long rows = 0;
        long[] last = {-1};
        for (int i = 0; i < request.raw().size(); i++) {
            PageSql.Statement statement = request.raw().get(i);
            long[] count = {0};
            jdbc.sql(statement.sql()).params(statement.params()).query(rs -> {
                int columns = rs.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    // The service turns arrays (themes, sources) into lists: fetch their elements too.
                    if (rs.getObject(c) instanceof Array array) {
                        array.getArray();
                    }
                }
                last[0] = rs.getObject(1) instanceof Number n ? n.longValue() : -1;
                count[0]++;
            });
            if (i == 0) {
                rows = count[0];
            }
        }
        return new RawAnswer(rows, request.raw().size() > 1 ? last[0] : -1);
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of each of the request's statements, with its values. */
    List<String> explain(Request request) {
        List<String> plans = new ArrayList<>();
        for (PageSql.Statement statement : request.raw()) {
            plans.add(String.join("\n", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql())
                    .params(statement.params()).query(String.class).list()));
        }
        return plans;
    }

    private static long number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @Override
    public void close() throws SQLException {
        // No HttpClient.close() before Java 21: its threads are daemons, and Bench exits explicitly.
        connection.close();
    }
}
