package org.atlascitoyen.mapservice.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.db.SqlResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Events, needs and offers and experiences for {@code ./atlas bench api}, straight into the V21
 * tables ({@code bench/synthetic-agir.sql}): one {@code INSERT ... SELECT generate_series} per
 * table, with organisers, perimeters and provenance rows, territory keys from the commune and
 * {@code name_search} filled. The map cells follow through the tables' statement triggers.
 */
final class SyntheticAgir {

    /** How many records of each kind to write. */
    record Counts(int events, int needsOffers, int experiences) {
    }

    private SyntheticAgir() {
    }

    /**
     * Writes the records, in one transaction.
     *
     * @param words searches the benchmark sends: names and descriptions contain them, so q= finds records
     */
    static void insert(DatabaseConfig db, Counts counts, List<String> words) throws SQLException {
        Map<String, Object> params = Map.of("events", counts.events(), "needs", counts.needsOffers(),
                "experiences", counts.experiences(), "words", words);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
            for (String sql : SqlResource.statements("bench/synthetic-agir.sql")) {
                jdbc.sql(sql).params(params).update();
            }
            c.commit();
        }
    }
}
