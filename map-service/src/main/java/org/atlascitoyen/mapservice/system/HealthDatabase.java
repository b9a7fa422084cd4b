package org.atlascitoyen.mapservice.system;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health of the database ({@code db} in {@code /actuator/health}), answered within
 * {@link #ANSWER_WITHIN} whatever the database does: while it is unreachable the pool waits its
 * whole connection timeout for a connection (and pgjdbc its connect timeout), which made probes
 * time out instead of reading DOWN. The check runs on its own thread, one at a time; when it does
 * not finish in time the answer is DOWN, and a later probe does not start another while it waits.
 * Other indicators that query the database ask {@link #reachable()} first, so that a probe never
 * waits on the pool twice.
 */
@Component("dbHealthIndicator")
public class HealthDatabase implements HealthIndicator, DisposableBean {

    /** Longest wait for the database's answer. */
    static final Duration ANSWER_WITHIN = Duration.ofMillis(800);

    /** How long an answer stands for other indicators of the same probe. */
    private static final long REUSE_NANOS = Duration.ofSeconds(1).toNanos();

    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "health-database");
        thread.setDaemon(true);
        return thread;
    });
    private Future<String> running;
    private Health last;
    private long lastAt;

    HealthDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized Health health() {
        if (last != null && System.nanoTime() - lastAt < REUSE_NANOS) {
            return last;
        }
        last = check();
        lastAt = System.nanoTime();
        return last;
    }

    /** Why the database cannot be used now (from an answer at most a second old), or empty when it can. */
    public Optional<String> unreachable() {
        Health health = health();
        return health.getStatus().equals(Status.UP) ? Optional.empty()
                : Optional.of(String.valueOf(health.getDetails().get("reason")));
    }

    private Health check() {
        if (running == null || running.isDone()) {
            running = checker.submit(this::product);
        }
        try {
            String product = running.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().withDetail("database", product).build();
        } catch (TimeoutException e) {
            return down("no answer within " + ANSWER_WITHIN.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private String product() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid((int) Math.max(1, ANSWER_WITHIN.toSeconds()))) {
                throw new IllegalStateException("the connection did not answer");
            }
            return connection.getMetaData().getDatabaseProductName();
        }
    }

    private static Health down(String reason) {
        return Health.down().withDetail("reason", "database unreachable: " + reason).build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
