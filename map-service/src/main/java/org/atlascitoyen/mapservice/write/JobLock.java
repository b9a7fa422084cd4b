package org.atlascitoyen.mapservice.write;

import org.atlascitoyen.importers.db.SqlResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One instance at a time for the scheduled jobs of the write side (escalations, retention,
 * re-confirmation): each turn runs in a transaction that first takes the job's PostgreSQL advisory
 * lock, which the transaction's end releases; an instance that cannot take it skips its turn.
 */
public final class JobLock {

    private static final String TRY = SqlResource.statement("sql/write/try-job-lock.sql");

    private JobLock() {
    }

    /** In the caller's transaction: whether this instance now holds {@code job}'s lock (false: another runs it). */
    public static boolean tryHold(JdbcClient jdbc, String job) {
        return jdbc.sql(TRY).param("job", job).query(Boolean.class).single();
    }
}
