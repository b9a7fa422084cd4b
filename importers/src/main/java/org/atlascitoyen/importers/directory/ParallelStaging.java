package org.atlascitoyen.importers.directory;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.atlascitoyen.importers.load.CopyRows;
import org.atlascitoyen.importers.source.SourceRow;

/**
 * Cleans the rows of a file on worker threads while the reader parses the next ones: cleaning
 * (names, vocabularies, locations, hashes) cost a 500,000-row import about 6 of its 9 seconds of
 * reading on one core. The reader hands batches of rows to a bounded queue (memory stays flat);
 * each worker has its own {@link RecordCleaner} (cleaners keep caches and a digest), encodes its
 * batch in COPY format and sends it whole to the one COPY stream. Rows reach the staging table out
 * of order, which nothing depends on: every row carries its line. The tallies of the workers are
 * added to the import's at the end. The first failure of a worker stops the reading and is thrown
 * by {@link #finish}, or by the next {@link #accept}.
 */
final class ParallelStaging {

    /** Rows per batch: big enough that handing over costs nothing, small enough to keep memory flat. */
    static final int BATCH = 500;
    private static final List<SourceRow> END = List.of();

    private final List<RecordCleaner> cleaners;
    private final List<Tally> tallies;
    private final BlockingQueue<List<SourceRow>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private CopyRows copy;
    private List<SourceRow> batch = new ArrayList<>(BATCH);

    /**
     * @param cleaners one per worker (made before the COPY starts: they read the vocabularies)
     * @param tallies  the tally each of them counts into, in the same order
     */
    ParallelStaging(List<RecordCleaner> cleaners, List<Tally> tallies) {
        if (cleaners.isEmpty() || cleaners.size() != tallies.size()) {
            throw new IllegalArgumentException("one tally per cleaner, at least one cleaner");
        }
        this.cleaners = List.copyOf(cleaners);
        this.tallies = List.copyOf(tallies);
        this.queue = new ArrayBlockingQueue<>(cleaners.size() * 4);
    }

    /** Starts the workers, which write to {@code copy}. */
    void start(CopyRows copy) {
        this.copy = copy;
        for (int i = 0; i < cleaners.size(); i++) {
            RecordCleaner cleaner = cleaners.get(i);
            Thread thread = new Thread(() -> work(cleaner), "atlas-import-clean-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** The number of cleaning threads for this machine: its cores, at most 4, and at least 2 (the reader waits on I/O too). */
    static int workers() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    void accept(SourceRow row) throws SQLException {
        batch.add(row);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits for the workers, throws the first failure, and adds their tallies to {@code tally}. */
    void finish(Tally tally) throws SQLException {
        if (!batch.isEmpty()) {
            hand(batch);
            batch = new ArrayList<>();
        }
        for (int i = 0; i < threads.size(); i++) {
            hand(END);
        }
        join();
        rethrow();
        tallies.forEach(tally::addAll);
    }

    /** Stops the workers without waiting for their batches (the import failed elsewhere). */
    void abandon() {
        failure.compareAndSet(null, new IllegalStateException("import abandoned"));
        queue.clear();
        threads.forEach(Thread::interrupt);
        join();
    }

    private void hand(List<SourceRow> rows) throws SQLException {
        try {
            while (!queue.offer(rows, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while staging rows", e);
        }
        rethrow();
    }

    private void work(RecordCleaner cleaner) {
        StringBuilder encoded = new StringBuilder(1 << 18);
        try {
            while (true) {
                List<SourceRow> rows = queue.take();
                if (rows == END || failure.get() != null) {
                    return;
                }
                encoded.setLength(0);
                for (SourceRow row : rows) {
                    CopyRows.encode(encoded, cleaner.clean(row).values());
                }
                copy.write(encoded.toString().getBytes(StandardCharsets.UTF_8), rows.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            queue.clear(); // unblocks a reader waiting for room
        }
    }

    private void join() {
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void rethrow() throws SQLException {
        Throwable e = failure.get();
        if (e == null) {
            return;
        }
        if (e instanceof SQLException sql) {
            throw sql;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(e);
    }
}
