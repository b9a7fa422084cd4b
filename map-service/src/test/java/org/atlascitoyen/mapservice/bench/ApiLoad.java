package org.atlascitoyen.mapservice.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.atlascitoyen.mapservice.bench.ApiCase.Request;

/**
 * Throughput under concurrent load on loopback: T client threads, each with its own HTTP client
 * and connection, send requests back to back (closed loop, no think time) for a fixed time,
 * drawing from a mix of cases. Client, service and PostgreSQL share the machine's CPUs, so the
 * figures are a floor for a service alone on its host.
 */
final class ApiLoad {

    /** The figures of one level of concurrency. */
    record Level(int threads, long requests, int failures, double seconds, Latency latency) {

        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private final int port;
    private final List<Request> mix;

    /** @param mix the requests to send, in an order already shuffled; each thread starts at its own place */
    ApiLoad(int port, List<Request> mix) {
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("no requests to send");
        }
        this.port = port;
        this.mix = List.copyOf(mix);
    }

    Level run(int threads, double seconds) throws Exception {
        List<HttpRequest> requests = mix.stream().map(r -> HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + r.path())).timeout(ApiTimer.TIMEOUT).GET().build()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            long start = System.nanoTime();
            List<Future<long[]>> clients = new ArrayList<>();
            int[] failures = new int[threads];
            for (int t = 0; t < threads; t++) {
                int thread = t;
                clients.add(pool.submit(() -> client(requests, thread * requests.size() / threads, deadline, failures, thread)));
            }
            List<long[]> perThread = new ArrayList<>();
            for (Future<long[]> client : clients) {
                perThread.add(client.get());
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
            int failed = Arrays.stream(failures).sum();
            return new Level(threads, all.length, failed, elapsed,
                    new Latency(all, (long) (elapsed * 1e9), all.length - failed, failed));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One client: request after request until the deadline; returns each request's duration. */
    private static long[] client(List<HttpRequest> requests, int first, long deadline, int[] failures, int thread)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] nanos = new long[1024];
        int n = 0;
        for (int i = first; System.nanoTime() < deadline; i++) {
            long start = System.nanoTime();
            HttpResponse<Void> response = http.send(requests.get(i % requests.size()), HttpResponse.BodyHandlers.discarding());
            long took = System.nanoTime() - start;
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = took;
            if (response.statusCode() / 100 != 2) {
                failures[thread]++;
            }
        }
        return Arrays.copyOf(nanos, n);
    }

    static String format(Level level) {
        Latency l = level.latency();
        return String.format(Locale.ROOT, "  %7d %9d %9.0f %8.2f %8.2f %8.2f %8.2f %7d", level.threads(), level.requests(),
                level.requestsPerSecond(), l.percentileMillis(50), l.percentileMillis(95), l.percentileMillis(99),
                l.maxMillis(), level.failures());
    }

    static String header() {
        return String.format(Locale.ROOT, "  %7s %9s %9s %8s %8s %8s %8s %7s", "threads", "requests", "req/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "failed");
    }
}
