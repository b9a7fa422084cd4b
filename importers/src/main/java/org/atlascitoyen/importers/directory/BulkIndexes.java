package org.atlascitoyen.importers.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk mode of a large import: when a run inserts many rows compared to what the table holds
 * (a first import, a new big source), building the secondary indexes once after the insert is
 * about twice as fast as updating them row by row (the trigram index most of all). The indexes
 * are dropped and rebuilt inside the import's transaction, from their own definitions in the
 * catalogue, so a failure restores them with everything else. The price: readers of the table
 * wait for the commit while it happens, which is why small imports never use it.
 */
final class BulkIndexes {

    /** Bulk mode from this many new rows... */
    static final long MIN_ROWS = 20_000;
    /** ...when they are at least this fraction of the rows already published. */
    static final double MIN_FRACTION = 0.5;

    private BulkIndexes() {
    }

    /**
     * Drops the secondary indexes of the table when the run is large enough (stage_new counted);
     * returns their definitions to rebuild, or nothing.
     */
    static List<String> dropIfBulk(Connection connection, String table) throws SQLException {
        long inserting;
        long existing;
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT (SELECT count(*) FROM stage_new), (SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = ?::regclass)")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                inserting = rs.getLong(1);
                existing = rs.getLong(2);
            }
        }
        if (inserting < MIN_ROWS || inserting < existing * MIN_FRACTION) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("""
                SELECT i.relname, pg_get_indexdef(i.oid)
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = ?::regclass
                  AND NOT EXISTS (SELECT FROM pg_constraint c WHERE c.conindid = x.indexrelid)
                ORDER BY i.relname""")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (String name : names) {
                st.execute("DROP INDEX " + quote(name));
            }
        }
        return definitions;
    }

    static void create(Connection connection, List<String> definitions) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String definition : definitions) {
                st.execute(definition);
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
