package org.atlascitoyen.mapservice.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.atlascitoyen.mapservice.record.PageSql;

/**
 * One row of {@code ./atlas bench api}: a kind of request, drawn at random (seeded) many times,
 * sent to the service over HTTP and, when the case has one, run as the same SQL over JDBC.
 *
 * @param name     what the row shows ("bbox z11", "near 2 km"...)
 * @param goal     what the issue asks of it
 * @param maxCount the most requests timed for it, whatever {@code --requests} says (an export
 *                 of every actor is timed a few times, not hundreds)
 * @param draw     one request from a seeded random stream
 */
record ApiCase(String name, Goal goal, int maxCount, Function<SplittableRandom, Request> draw) {

    /**
     * One request: the path and query sent to the service, and the statements the service runs
     * for it, in the same order, as the raw SQL baseline.
     *
     * @param path the path with its query string, e.g. {@code /api/actors?bbox=...&limit=100}
     * @param raw  the service's statements with their values; empty while nobody has written the
     *             raw SQL of the endpoint (the row then shows the service side only)
     */
    record Request(String path, List<PageSql.Statement> raw) {

        Request {
            raw = List.copyOf(raw);
        }
    }

    /**
     * The goals of the issue, printed beside the figures and never asserted. Every case also has
     * the service-to-raw goal ({@link #SERVICE_TO_RAW}).
     */
    enum Goal {
        /** Lists: p95 under 30 ms through the service. */
        QUERY("p95 < 30 ms", 30),
        /** Vector tiles: p95 under 25 ms. */
        TILE("p95 < 25 ms", 25),
        /** Coverage statistics: the issue states no latency goal of their own. */
        COVERAGE("-", Double.POSITIVE_INFINITY),
        /** The export of the 200,000 actors: under 5 s each. */
        EXPORT("< 5 s", 5_000);

        /** The service's p95 may be at most this many times the raw SQL's p95. */
        static final double SERVICE_TO_RAW = 1.3;

        final String text;
        final double p95Millis;

        Goal(String text, double p95Millis) {
            this.text = text;
            this.p95Millis = p95Millis;
        }
    }

    ApiCase {
        if (maxCount < 1) {
            throw new IllegalArgumentException("maxCount must be positive: " + maxCount);
        }
    }

    /** {@code count} requests of this case, the same ones on every run for a given seed. */
    List<Request> requests(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ name.hashCode());
        return Stream.generate(() -> draw.apply(random)).limit(Math.min(count, maxCount)).toList();
    }
}
