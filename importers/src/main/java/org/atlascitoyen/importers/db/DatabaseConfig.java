package org.atlascitoyen.importers.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Where the database is and who connects to it. The owner role applies the schema and imports;
 * the reader role is what the map service reads with (it defaults to the owner when none is set,
 * for a database configured by hand).
 *
 * <p>Read from the environment the {@code ./atlas} launcher exports: {@code ATLAS_DB_URL},
 * {@code ATLAS_DB_USER}, {@code ATLAS_DB_PASSWORD}, {@code ATLAS_DB_READER_USER},
 * {@code ATLAS_DB_READER_PASSWORD}.
 */
public record DatabaseConfig(String url, String user, String password, String readerUser, String readerPassword) {

    public DatabaseConfig {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("No database configured: ATLAS_DB_URL is not set."
                    + " Run through ./atlas, which starts the project's PostGIS, or set ATLAS_DB_URL,"
                    + " ATLAS_DB_USER and ATLAS_DB_PASSWORD.");
        }
        readerUser = readerUser == null || readerUser.isBlank() ? user : readerUser;
        readerPassword = readerPassword == null || readerPassword.isBlank() ? password : readerPassword;
    }

    public static DatabaseConfig fromEnvironment() {
        return fromMap(System.getenv());
    }

    public static DatabaseConfig fromMap(Map<String, String> env) {
        return new DatabaseConfig(env.get("ATLAS_DB_URL"), env.get("ATLAS_DB_USER"), env.get("ATLAS_DB_PASSWORD"),
                env.get("ATLAS_DB_READER_USER"), env.get("ATLAS_DB_READER_PASSWORD"));
    }

    /** The database name in the URL. */
    public String database() {
        int slash = url.lastIndexOf('/');
        int query = url.indexOf('?', slash);
        return url.substring(slash + 1, query < 0 ? url.length() : query);
    }

    /** The same server and roles, another database (tests create one per class). */
    public DatabaseConfig withDatabase(String database) {
        int slash = url.lastIndexOf('/');
        return new DatabaseConfig(url.substring(0, slash + 1) + database + url.substring(slash + 1 + database().length()),
                user, password, readerUser, readerPassword);
    }

    /** A connection as the owner role, with PostgreSQL's JIT off (it costs PostGIS queries 100-250 ms). */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("options", "-c jit=off");
        props.setProperty("ApplicationName", "atlas-importers");
        return DriverManager.getConnection(url, props);
    }
}
