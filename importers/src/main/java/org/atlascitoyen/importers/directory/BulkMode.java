package org.atlascitoyen.importers.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.db.SqlResource;

/**
 * Bulk mode of a large import: when a run inserts many rows compared to what the table holds
 * (a first import, a new big source), building the secondary indexes once after the insert is
 * about twice as fast as updating them row by row (the trigram index most of all), and checking
 * a foreign key once for the whole table (one anti-join) instead of once per inserted row is
 * faster still: the per-row checks cost 6.5 s of the 10.4 s that inserting 470,000 provenance
 * rows took. The indexes and foreign keys are dropped and created again inside the import's
 * transaction, from their own definitions in the catalogue, so a failure restores them with
 * everything else, and a row that breaks a key still fails the import. The price: readers of the
 * tables wait for the commit while it happens, which is why small imports never use it.
 */
final class BulkMode {

    /** Bulk mode from this many new rows... */
    static final long MIN_ROWS = 20_000;
    /** ...when they are at least this fraction of the rows already published. */
    static final double MIN_FRACTION = 0.5;

    private static final String APPLIES = SqlResource.statement("sql/bulk/applies.sql");
    private static final String FOREIGN_KEYS = SqlResource.statement("sql/bulk/foreign-keys.sql");
    private static final String INDEXES = SqlResource.statement("sql/bulk/indexes.sql");
    private static final String SETTINGS = SqlResource.statement("sql/bulk/settings.sql");

    private BulkMode() {
    }

    /** Whether this run inserts enough rows into {@code table} for bulk mode (stage_new counted). */
    static boolean applies(Connection connection, String table) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(APPLIES)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long inserting = rs.getLong(1);
                long existing = rs.getLong(2);
                return inserting >= MIN_ROWS && inserting >= existing * MIN_FRACTION;
            }
        }
    }

    /**
     * Drops the foreign keys of the table and, with {@code indexes}, its secondary indexes (those
     * that back no constraint); returns the statements that create them again, to run with
     * {@link #restore}.
     */
    static List<String> drop(Connection connection, String table, boolean indexes) throws SQLException {
        List<String> drops = new ArrayList<>();
        List<String> restores = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(FOREIGN_KEYS)) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    drops.add("ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(rs.getString(1)));
                    restores.add("ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(rs.getString(1)) + " " + rs.getString(2));
                }
            }
        }
        if (indexes) {
            try (PreparedStatement st = connection.prepareStatement(INDEXES)) {
                st.setString(1, table);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        drops.add("DROP INDEX " + quote(rs.getString(1)));
                        restores.add(0, rs.getString(2)); // indexes first: a foreign key's check reads them
                    }
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute(SETTINGS);
            for (String drop : drops) {
                st.execute(drop);
            }
        }
        return restores;
    }

    static void restore(Connection connection, List<String> statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
