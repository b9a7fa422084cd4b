package org.atlascitoyen.importers.remote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.atlascitoyen.importers.db.SqlResource;

/**
 * The last successful download of each source ({@code source_download}): its validators, sent
 * back to make the next download conditional. A download is remembered only after the import
 * that read it committed, so a failed import is downloaded and tried again next time.
 */
public final class SourceDownloads {

    private static final String SQL = "sql/remote/";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** The last download of a source from a URL: its validators and when it happened. */
    public record Previous(Validators validators, Instant downloadedAt) {

        public static final Previous NONE = new Previous(Validators.NONE, null);

        /** When the file last changed: the server's Last-Modified, else the time of the download. */
        public String since() {
            if (validators.lastModified() != null) {
                return validators.lastModified();
            }
            return downloadedAt == null ? "the last download" : DATE.format(downloadedAt);
        }
    }

    private SourceDownloads() {
    }

    public static Previous previous(Connection connection, String source, String url) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(SqlResource.statement(SQL + "validators.sql"))) {
            st.setString(1, source);
            st.setString(2, url);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Previous.NONE;
                }
                return new Previous(new Validators(rs.getString(1), rs.getString(2)), rs.getTimestamp(3).toInstant());
            }
        }
    }

    public static void remember(Connection connection, String source, String url, Validators validators) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(SqlResource.statement(SQL + "remember.sql"))) {
            st.setString(1, source);
            st.setString(2, url);
            st.setString(3, validators.etag());
            st.setString(4, validators.lastModified());
            st.executeUpdate();
        }
    }

    public static void checked(Connection connection, String source, String url) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(SqlResource.statement(SQL + "checked.sql"))) {
            st.setString(1, source);
            st.setString(2, url);
            st.executeUpdate();
        }
    }
}
