package org.atlascitoyen.importers.dedup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;

/**
 * Review of the deduplication: the possible duplicates an import listed instead of merging them
 * (table merge_candidate), accepted or declined, and the merges in force (table record_merge),
 * which can be undone. Each decision is one transaction, under the directory import's lock, so
 * that no import runs in between. Used by {@code ./atlas merges}; a moderation console can use it
 * as well.
 */
public final class Merges {

    private static final String SQL = "sql/merges/";

    /** One side of a pair: the row (source, external id) and its record as it is now. */
    public record Side(String source, String externalId, Long recordId, String name, String commune) {
    }

    /** A possible duplicate waiting for a decision: the existing record and the row proposed as the same. */
    public record Pending(long id, String kind, String rule, Float score, Side existing, Side proposed) {
    }

    /** A merge in force. */
    public record Done(long id, String kind, long recordId, String existingName, String importedName, String source,
                       String externalId, String rule, Float score, OffsetDateTime mergedAt, String mergedBy) {
    }

    private final DatabaseConfig db;

    public Merges(DatabaseConfig db) {
        this.db = db;
    }

    public List<Pending> pending(int limit) throws SQLException {
        List<Pending> pairs = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(SqlResource.statement(SQL + "pending.sql"))) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    pairs.add(new Pending(rs.getLong("id"), rs.getString("record_kind"), rs.getString("rule"),
                            (Float) rs.getObject("score"),
                            new Side(rs.getString("record_source"), rs.getString("record_external_id"),
                                    (Long) rs.getObject("record_id"), rs.getString("record_name"), rs.getString("record_commune")),
                            new Side(rs.getString("source"), rs.getString("external_id"), (Long) rs.getObject("proposed_id"),
                                    rs.getString("proposed_name"), rs.getString("proposed_commune"))));
                }
            }
        }
        return pairs;
    }

    public List<Done> done(int limit) throws SQLException {
        List<Done> merges = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement st = c.prepareStatement(SqlResource.statement(SQL + "done.sql"))) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    merges.add(new Done(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), (Float) rs.getObject(9),
                            rs.getObject(10, OffsetDateTime.class), rs.getString(11)));
                }
            }
        }
        return merges;
    }

    /**
     * Merges the proposed record into the existing one. Refused when the pair is not pending, when
     * a side's record is gone, or when the merge would join two rows of one source.
     */
    public void accept(long candidate, String by) throws SQLException {
        inTransaction(c -> {
            String kind;
            try (PreparedStatement st = c.prepareStatement(SqlResource.statement(SQL + "candidate.sql"))) {
                st.setLong(1, candidate);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no possible duplicate " + candidate + " (see ./atlas merges)");
                    }
                    if (!rs.getString("status").equals("pending")) {
                        throw new IllegalArgumentException("possible duplicate " + candidate + " was " + rs.getString("status") + " already");
                    }
                    if (rs.getObject("record_id") == null || rs.getObject("proposed_id") == null) {
                        throw new IllegalArgumentException("a record of possible duplicate " + candidate + " is no longer published");
                    }
                    if (rs.getLong("record_id") == rs.getLong("proposed_id")) {
                        throw new IllegalArgumentException("the two rows of possible duplicate " + candidate + " are one record already");
                    }
                    if (rs.getBoolean("same_source")) {
                        throw new IllegalArgumentException("record #" + rs.getLong("record_id")
                                + " already comes from the source of the other row: a source never has two rows in one record");
                    }
                    if (rs.getLong("proposed_rows") != 1) {
                        throw new IllegalArgumentException("record #" + rs.getLong("proposed_id")
                                + " comes from several rows: undo its merges first (./atlas merges done)");
                    }
                    kind = rs.getString("record_kind");
                }
            }
            set(c, "atlas.merge.candidate", Long.toString(candidate));
            set(c, "atlas.merge.by", by);
            run(c, "accept.sql", kind);
        });
    }

    /** Records that the two rows are different: they are never proposed or merged again. */
    public void decline(long candidate, String by) throws SQLException {
        inTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(SqlResource.statement(SQL + "decline.sql"))) {
                st.setString(1, by);
                st.setLong(2, candidate);
                if (st.executeUpdate() == 0) {
                    throw new IllegalArgumentException("no pending possible duplicate " + candidate + " (see ./atlas merges)");
                }
            }
        });
    }

    /**
     * Restores both records as they were before the merge, moves the merged row's provenance back,
     * and declines the pair. A later merge into the same record is undone first.
     */
    public void undo(long merge, String by) throws SQLException {
        inTransaction(c -> {
            String kind;
            try (PreparedStatement st = c.prepareStatement(SqlResource.statement(SQL + "merge.sql"))) {
                st.setLong(1, merge);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no merge " + merge + " (see ./atlas merges done)");
                    }
                    if (rs.getBoolean("undone")) {
                        throw new IllegalArgumentException("merge " + merge + " was undone already");
                    }
                    if (!rs.getBoolean("restorable")) {
                        throw new IllegalArgumentException("merge " + merge + " predates undo (schema version 9): it cannot be undone");
                    }
                    if (rs.getObject("later") != null) {
                        throw new IllegalArgumentException("merge " + rs.getLong("later") + " into the same record came later: undo it first");
                    }
                    kind = rs.getString("record_kind");
                }
            }
            set(c, "atlas.merge.id", Long.toString(merge));
            set(c, "atlas.merge.by", by);
            run(c, "undo.sql", kind);
        });
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute(SqlResource.statement("sql/directory-import/lock.sql"));
                }
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void set(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SqlResource.statement(SQL + "settings.sql"))) {
            st.setString(1, name);
            st.setString(2, value);
            st.execute();
        }
    }

    /** The statements of a script for a record kind ({@code ${record}}: actor or initiative, from the table). */
    private static void run(Connection c, String script, String kind) throws SQLException {
        if (!kind.equals("actor") && !kind.equals("initiative")) {
            throw new IllegalStateException("unknown record kind " + kind);
        }
        try (Statement st = c.createStatement()) {
            for (String sql : SqlResource.statements(SQL + script)) {
                st.execute(sql.replace("${record}", kind));
            }
        }
    }
}
