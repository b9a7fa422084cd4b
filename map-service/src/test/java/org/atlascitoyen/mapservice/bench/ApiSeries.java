package org.atlascitoyen.mapservice.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.atlascitoyen.mapservice.bench.ApiCase.Request;

/**
 * The requests of one case timed one at a time, through the service and as raw SQL. Answers are
 * checked after each clock stops: the service's numberMatched and numberReturned must be what the
 * raw SQL found, or the two sides did not run the same query.
 *
 * @param apiCase     the case
 * @param status      the HTTP status of the probe, the case's first request
 * @param available   false when the probe did not answer 2xx (an endpoint not built yet, or broken):
 *                    nothing was timed, and the table says "not served" with the status
 * @param service     timings through HTTP; null when not served
 * @param raw         timings of the raw SQL; null when the case has no raw SQL yet
 * @param meanMatched mean numberMatched of the answers (the count the page carries), -1 if none
 * @param maxMatched  the largest numberMatched
 * @param mismatches  answers whose counts differ from the raw SQL's
 * @param p95Request  the request whose raw time (else service time) was the p95: the one to EXPLAIN
 * @param meanRawRows mean rows of the raw SQL's first statement (the page, or a feed's events), -1 without raw SQL
 */
record ApiSeries(ApiCase apiCase, int status, boolean available, Latency service, Latency raw, double meanMatched,
                 long maxMatched, int mismatches, Request p95Request, double meanRawRows) {

    /** A case whose probe answered {@code status}, not 2xx: nothing is timed. */
    static ApiSeries notServed(ApiCase apiCase, int status) {
        return new ApiSeries(apiCase, status, false, null, null, -1, -1, 0, null, -1);
    }

    /** The status of the service's answer to the first request: the case is timed when it is 2xx. */
    static int probe(ApiTimer timer, List<Request> requests) throws IOException, InterruptedException {
        return timer.send(requests.get(0)).status();
    }

    /** Sends {@code count} requests on each side, round-robin over the cases, before any clock runs. */
    static void warmUp(ApiTimer timer, List<List<Request>> series, int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            List<Request> requests = series.get(i % series.size());
            Request request = requests.get(i / series.size() % requests.size());
            timer.send(request);
            if (!request.raw().isEmpty()) {
                timer.run(request);
            }
        }
    }

    /**
     * Times up to all the requests, until the budget is spent once at least {@code minimum} are
     * done. Each request goes to both sides in turn, the service first for even ones and the raw
     * SQL first for odd ones: other work on the machine then weighs on both sides alike.
     */
    static ApiSeries time(ApiTimer timer, ApiCase apiCase, List<Request> requests, Duration budget, int minimum)
            throws IOException, InterruptedException {
        int n = requests.size();
        boolean withRaw = !requests.get(0).raw().isEmpty();
        long[] serviceNanos = new long[n];
        long[] rawNanos = new long[n];
        ApiTimer.Answer[] answers = new ApiTimer.Answer[n];
        ApiTimer.RawAnswer[] found = new ApiTimer.RawAnswer[n];
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        while (done < n && (done < minimum || System.nanoTime() < deadline)) {
            Request request = requests.get(done);
            boolean rawFirst = withRaw && done % 2 == 1;
            if (rawFirst) {
                long start = System.nanoTime();
                found[done] = timer.run(request);
                rawNanos[done] = System.nanoTime() - start;
            }
            long start = System.nanoTime();
            answers[done] = timer.send(request);
            serviceNanos[done] = System.nanoTime() - start;
            if (withRaw && !rawFirst) {
                start = System.nanoTime();
                found[done] = timer.run(request);
                rawNanos[done] = System.nanoTime() - start;
            }
            done++;
        }
        int failures = 0;
        int nonEmpty = 0;
        int rawNonEmpty = 0;
        int mismatches = 0;
        for (int i = 0; i < done; i++) {
            ApiTimer.Answer answer = answers[i];
            if (answer.status() / 100 != 2) {
                if (failures++ == 0) {
                    System.out.printf("  %s: first failed request %s -> %d %s%n", apiCase.name(), requests.get(i).path(),
                            answer.status(), answer.start());
                }
            } else if (answer.returned() != 0 && answer.bytes() > 0) {
                nonEmpty++;
            }
            if (withRaw) {
                rawNonEmpty += found[i].rows() > 0 ? 1 : 0;
                if (!agree(answer, found[i]) && mismatches++ == 0) {
                    System.out.printf("  %s: the service and the raw SQL disagree on %s: %d matched/%d returned vs %d/%d%n",
                            apiCase.name(), requests.get(i).path(), answer.matched(), answer.returned(),
                            found[i].matched(), found[i].rows());
                }
            }
        }
        serviceNanos = Arrays.copyOf(serviceNanos, done);
        rawNanos = Arrays.copyOf(rawNanos, done);
        Latency service = new Latency(serviceNanos, LongStream.of(serviceNanos).sum(), nonEmpty, failures);
        Latency raw = withRaw ? new Latency(rawNanos, LongStream.of(rawNanos).sum(), rawNonEmpty, 0) : null;
        long[] matched = Arrays.stream(answers, 0, done).mapToLong(ApiTimer.Answer::matched).filter(m -> m >= 0).toArray();
        double rawRows = withRaw ? Arrays.stream(found, 0, done).mapToLong(ApiTimer.RawAnswer::rows).average().orElse(0) : -1;
        return new ApiSeries(apiCase, answers[0].status(), true, service, raw,
                matched.length == 0 ? -1 : Arrays.stream(matched).average().orElse(0),
                Arrays.stream(matched).max().orElse(-1), mismatches,
                requests.get(p95Index(withRaw ? rawNanos : serviceNanos)), rawRows);
    }

    /** Same count, and the page as long as the raw page without its look-ahead row. */
    private static boolean agree(ApiTimer.Answer served, ApiTimer.RawAnswer found) {
        return served.matched() < 0 || found.matched() < 0
                || served.matched() == found.matched() && served.returned() == Math.min(found.rows(), ApiCases.LIMIT);
    }

    /** Index of the request at the nearest-rank 95th percentile of these durations. */
    private static int p95Index(long[] nanos) {
        Integer[] order = new Integer[nanos.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(nanos[a], nanos[b]));
        int rank = (int) Math.ceil(0.95 * nanos.length);
        return order[Math.max(0, Math.min(nanos.length - 1, rank - 1))];
    }

    /** The service's p95 is within the case's latency goal. */
    boolean latencyGoalMet() {
        return service.percentileMillis(95) < apiCase.goal().p95Millis;
    }

    /** Service p95 over raw p95; NaN without raw SQL. */
    double ratio95() {
        return raw == null ? Double.NaN : service.percentileMillis(95) / raw.percentileMillis(95);
    }

    /** The service's p95 is within {@link ApiCase.Goal#SERVICE_TO_RAW} times the raw p95 (met without raw SQL). */
    boolean ratioGoalMet() {
        return raw == null || ratio95() <= ApiCase.Goal.SERVICE_TO_RAW;
    }
}
