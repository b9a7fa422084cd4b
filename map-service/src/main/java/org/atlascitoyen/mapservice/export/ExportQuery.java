package org.atlascitoyen.mapservice.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.atlascitoyen.importers.db.SqlResource;
import org.atlascitoyen.importers.record.Shape;
import org.atlascitoyen.mapservice.record.Filter;
import org.atlascitoyen.mapservice.record.PageSql;
import org.atlascitoyen.mapservice.record.RecordFeature;
import org.atlascitoyen.mapservice.record.RecordSelect;
import org.atlascitoyen.mapservice.system.AtlasProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads every record of a filter through a database cursor and hands each one over as it
 * arrives, so that an export of any size runs in the memory of {@link #FETCH_SIZE} rows.
 *
 * <p>The PostgreSQL driver only reads a result in batches inside a transaction (autocommit off);
 * so the query runs in a read-only transaction, which also lets it have its own statement
 * timeout ({@code atlas.export-statement-timeout-ms}) instead of the pool's.
 */
@Repository
class ExportQuery {

    /** Rows per round trip: large enough for throughput, small enough to keep the heap flat. */
    static final int FETCH_SIZE = 2_000;

    private static final String STATEMENT_TIMEOUT = SqlResource.load("sql/export/statement-timeout.sql");
    private static final String EXPORT = SqlResource.load("sql/record/export.sql");

    /** The point in Lambert-93 (EPSG:2154), metres with 2 decimals, transformed by PostGIS. */
    private static final String LAMBERT_93 = ",\n       round(ST_X(ST_Transform(r.geom, 2154))::numeric, 2)::float8 AS x_l93,"
            + " round(ST_Y(ST_Transform(r.geom, 2154))::numeric, 2)::float8 AS y_l93";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final AtlasProperties limits;

    ExportQuery(JdbcClient jdbc, PlatformTransactionManager transactions, AtlasProperties limits) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.limits = limits;
    }

    /** Something that takes the records of an export one at a time. */
    @FunctionalInterface
    interface Sink<R> {
        void accept(R row) throws IOException;
    }

    /**
     * Reads the records of a filter in its order and gives each to the sink. An
     * {@link IOException} of the sink ends the reading as an {@link UncheckedIOException}.
     */
    void stream(Filter filter, Sink<RecordFeature> sink) {
        read(filter, "", (select, rs) -> select.feature(rs), sink);
    }

    /** The same, each record with its point in Lambert-93 (the CSV's {@code crs=EPSG:2154}). */
    void streamLambert93(Filter filter, Sink<Lambert93Row> sink) {
        read(filter, LAMBERT_93, (select, rs) -> new Lambert93Row(select.feature(rs), rs.getDouble("x_l93"),
                rs.getDouble("y_l93")), sink);
    }

    /** How a row of the export query becomes what the sink takes. */
    @FunctionalInterface
    private interface RowReader<R> {
        R read(RecordSelect select, ResultSet rs) throws SQLException;
    }

    private <R> void read(Filter filter, String projected, RowReader<R> reader, Sink<R> sink) {
        // The kind's fields fill ${view}, ${columns} and ${joins}; the page template machinery
        // fills ${where}, ${sortKey} and ${order}. An export has no cursor and no LIMIT, so the
        // page size it binds is unused.
        RecordSelect select = RecordSelect.of(filter.kind(), Shape.EXPORT, filter.sort() == Filter.Sort.DISTANCE);
        PageSql.Statement statement = PageSql.page(select.sql(EXPORT.replace("${projected}", projected)), filter, null, 0);
        readOnly.executeWithoutResult(status -> {
            jdbc.sql(STATEMENT_TIMEOUT).param("milliseconds", Long.toString(limits.exportStatementTimeoutMs()))
                    .query(String.class).single();
            jdbc.sql(statement.sql()).params(statement.params()).withFetchSize(FETCH_SIZE).query(rs -> {
                try {
                    sink.accept(reader.read(select, rs));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }
}
