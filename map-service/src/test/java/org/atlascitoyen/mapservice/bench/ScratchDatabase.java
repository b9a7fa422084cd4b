package org.atlascitoyen.mapservice.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import org.atlascitoyen.importers.db.DatabaseConfig;
import org.atlascitoyen.importers.testing.TestDatabases;

/**
 * A fresh database with the reference territories for one benchmark, dropped however the run ends:
 * normally, on an exception, or interrupted (Ctrl-C), since a run takes minutes and people stop it.
 */
final class ScratchDatabase {

    /** What a benchmark does with the database. */
    @FunctionalInterface
    interface Work {
        void run(DatabaseConfig db) throws Exception;
    }

    private ScratchDatabase() {
    }

    static void run(Work work) throws Exception {
        DatabaseConfig db = TestDatabases.withTerritories();
        AtomicBoolean dropped = new AtomicBoolean();
        Runnable drop = () -> {
            if (dropped.compareAndSet(false, true)) {
                TestDatabases.drop(db);
            }
        };
        Thread dropOnExit = new Thread(drop, "drop-bench-database");
        Runtime.getRuntime().addShutdownHook(dropOnExit);
        try {
            work.run(db);
        } finally {
            drop.run();
            Bench.removeShutdownHook(dropOnExit);
        }
    }
}
