package org.atlascitoyen.importers.schedule;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.directory.ImportRequest;
import org.atlascitoyen.importers.record.RecordKind;

/** The list of scheduled sources ({@code scheduled_source}), through the SQL of {@code sql/schedule/}. */
public final class ScheduledSources {

    static final String SQL = "sql/schedule/";

    private ScheduledSources() {
    }

    /** Adds a source, or replaces the settings of one of that name; true when it was new. Due at once. */
    public static boolean put(Connection connection, ScheduledSource source) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql("upsert.sql"))) {
            st.setString(1, source.name());
            st.setString(2, source.kind().table());
            st.setString(3, source.format().key());
            st.setString(4, source.url().toString());
            st.setString(5, source.mapping());
            st.setString(6, source.mappingFile());
            st.setBoolean(7, source.keepOutOfRegion());
            st.setString(8, source.refresh().toString());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public static List<ScheduledSource> list(Connection connection) throws SQLException {
        return query(connection, "list.sql");
    }

    /** The sources due now, at most {@code limit}. */
    public static List<ScheduledSource> due(Connection connection, int limit) throws SQLException {
        return query(connection, "due.sql", limit);
    }

    public static Optional<ScheduledSource> find(Connection connection, String name) throws SQLException {
        return query(connection, "one.sql", name).stream().findFirst();
    }

    /** Removes a source; false when there was none of that name. */
    public static boolean remove(Connection connection, String name) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql("remove.sql"))) {
            st.setString(1, name);
            return st.executeUpdate() > 0;
        }
    }

    /** Records what a run did; the source is due again one period after {@code startedAt}. */
    static void recordOutcome(Connection connection, String name, Instant startedAt, String status, String message,
                              Long runId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql("record-outcome.sql"))) {
            st.setTimestamp(1, Timestamp.from(startedAt));
            st.setString(2, status);
            st.setString(3, message);
            if (runId == null) {
                st.setNull(4, Types.BIGINT);
            } else {
                st.setLong(4, runId);
            }
            st.setTimestamp(5, Timestamp.from(startedAt));
            st.setString(6, name);
            st.executeUpdate();
        }
    }

    private static List<ScheduledSource> query(Connection connection, String script, Object... parameters)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(sql(script))) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            List<ScheduledSource> sources = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sources.add(new ScheduledSource(rs.getString(1), RecordKind.byTable(rs.getString(2)),
                            ImportRequest.Format.parse(rs.getString(3)), URI.create(rs.getString(4)), rs.getString(5),
                            rs.getString(6), rs.getBoolean(7), Duration.ofSeconds(rs.getLong(8)), instant(rs, 9),
                            instant(rs, 10), rs.getString(11), rs.getString(12), (Long) rs.getObject(13)));
                }
            }
            return sources;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String sql(String script) {
        return SqlResource.statement(SQL + script);
    }
}
