package org.atlascitoyen.mapservice.bench;

import java.util.Arrays;

/**
 * Timings of one series of sequential requests: each request's duration, and the wall time of the
 * whole series (which also counts the client's work between requests, hence requests/s).
 *
 * @param nanos     duration of each request, in nanoseconds
 * @param wallNanos time from the first request's start to the last one's end
 * @param nonEmpty  requests whose answer named at least one territory
 * @param failures  requests that did not succeed (HTTP status other than 200)
 */
record Latency(long[] nanos, long wallNanos, int nonEmpty, int failures) {

    Latency {
        nanos = nanos.clone();
        Arrays.sort(nanos); // sorted once: every percentile below reads it
    }

    int count() {
        return nanos.length;
    }

    /** Nearest-rank percentile (p in 0..100), in milliseconds. */
    double percentileMillis(double p) {
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return millis(nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))]);
    }

    double maxMillis() {
        return millis(nanos[nanos.length - 1]);
    }

    double meanMillis() {
        return millis(Arrays.stream(nanos).average().orElse(0));
    }

    double requestsPerSecond() {
        return nanos.length / (wallNanos / 1e9);
    }

    private static double millis(double nanos) {
        return nanos / 1e6;
    }
}
