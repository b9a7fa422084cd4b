package org.atlascitoyen.importers.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.source.SourceLicence;
import tools.jackson.databind.json.JsonMapper;

/**
 * The record a run leaves in {@code source} and {@code import_run}. A run that succeeds is recorded
 * in the import's transaction, as it starts (its id is what provenance refers to) and with its
 * figures and report before the commit; a run that fails is recorded after the rollback, with its
 * error, so that the history shows it too.
 */
final class ImportRuns {

    private ImportRuns() {
    }

    /** A run's id, and the licence its source has on record once the run gave its own. */
    record Started(long runId, SourceLicence licence) {
    }

    /**
     * Records the source and the run as it starts, with the source's licence (the command line's,
     * else the mapping file's; one recorded before is kept when neither gives one).
     */
    static Started start(Connection connection, ImportRequest request, SourceLicence licence, Instant started)
            throws SQLException {
        try (PreparedStatement source = connection.prepareStatement(sql("record-source.sql"));
             PreparedStatement run = connection.prepareStatement(sql("record-run.sql"))) {
            source.setString(1, request.source());
            source.setString(2, request.format().key());
            source.setTimestamp(3, Timestamp.from(started));
            source.setTimestamp(4, Timestamp.from(started));
            source.setString(5, licence.licence());
            source.setString(6, licence.url());
            source.setString(7, licence.attribution());
            SourceLicence recorded;
            try (ResultSet rs = source.executeQuery()) {
                rs.next();
                recorded = new SourceLicence(rs.getString(1), rs.getString(2), rs.getString(3));
            }
            bind(run, request, started, "succeeded", null);
            try (ResultSet rs = run.executeQuery()) {
                rs.next();
                return new Started(rs.getLong(1), recorded);
            }
        }
    }

    /** Adds the figures and the report to the run, before its commit. */
    static void finish(Connection connection, DirectoryImportReport report) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql("finish-run.sql"))) {
            update.setLong(1, report.read());
            update.setLong(2, report.inserted());
            update.setLong(3, report.updated());
            update.setLong(4, report.unchanged());
            update.setLong(5, report.merged());
            update.setLong(6, report.rejected());
            update.setLong(7, report.noLongerSeen());
            update.setString(8, report.rejectFile());
            update.setString(9, JsonMapper.shared().writeValueAsString(report));
            update.setLong(10, report.runId());
            update.executeUpdate();
        }
    }

    /** Records a failed run after its rollback; a database that is gone cannot record it, and that is fine. */
    static void recordFailure(Connection connection, ImportRequest request, Instant started, Exception error) {
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement run = connection.prepareStatement(sql("record-run.sql"))) {
                bind(run, request, started, "failed", String.valueOf(error.getMessage()));
                run.execute();
            }
        } catch (SQLException ignored) {
            // the original error is what the caller needs to see
        }
    }

    private static void bind(PreparedStatement run, ImportRequest request, Instant started, String status, String error)
            throws SQLException {
        run.setString(1, request.kind().table());
        run.setString(2, request.source());
        run.setString(3, request.format().key());
        run.setString(4, request.origin());
        run.setTimestamp(5, Timestamp.from(started));
        run.setTimestamp(6, Timestamp.from(Instant.now()));
        run.setString(7, status);
        run.setString(8, error);
    }

    private static String sql(String script) {
        return SqlResource.statement(DirectoryImport.SQL + script);
    }
}
