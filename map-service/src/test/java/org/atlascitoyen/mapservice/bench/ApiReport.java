package org.atlascitoyen.mapservice.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.atlascitoyen.mapservice.bench.ApiCase.Goal;

/** The tables of {@code ./atlas bench api}: the cases beside their goals, the load levels, the plans. */
final class ApiReport {

    private static final String ROW = "  %-18s | %4s | %9s | %7s | %7s | %7s | %7s | %7s | %7s | %9s | %s%n";

    private ApiReport() {
    }

    static void cases(List<ApiSeries> results, int requests, int warmUp, Duration budget, int minimum) {
        System.out.printf(Locale.ROOT, "%nOne request at a time, each to the service and as raw SQL in turn, after %,d "
                + "warm-up requests on each side;%n  up to %d per case, fewer if a case lasts over %d s (but at least %d); "
                + "latencies in ms; limit %d%n",
                warmUp, requests, budget.toSeconds(), minimum, ApiCases.LIMIT);
        System.out.printf(Locale.ROOT, ROW, "case", "n", "matched", "svc p50", "p95", "p99", "raw p50", "p95", "svc-raw",
                "ratio p95", "goal");
        for (ApiSeries s : results) {
            if (!s.available()) {
                System.out.printf(Locale.ROOT, ROW, s.apiCase().name(), "", "", "", "", "", "", "", "", "",
                        "not served (HTTP " + s.status() + ")");
                continue;
            }
            Latency svc = s.service();
            Latency raw = s.raw();
            String matched = s.meanMatched() < 0 ? "" : ImportBench.thousands(s.meanMatched());
            System.out.printf(Locale.ROOT, ROW, s.apiCase().name(), svc.count(), matched,
                    ms(svc.percentileMillis(50)), ms(svc.percentileMillis(95)), ms(svc.percentileMillis(99)),
                    raw == null ? "-" : ms(raw.percentileMillis(50)), raw == null ? "-" : ms(raw.percentileMillis(95)),
                    raw == null ? "-" : ms(svc.percentileMillis(50) - raw.percentileMillis(50)),
                    raw == null ? "no raw SQL" : String.format(Locale.ROOT, "%.2fx", s.ratio95()), goals(s));
        }
        System.out.println("  matched = mean numberMatched of the answers (of a feed: its VEVENTs); svc-raw = difference of the");
        System.out.println("  p50s (HTTP, Spring, filter checks, JSON); ratio p95 = service p95 / raw p95; goals are printed,");
        System.out.println("  never asserted; not served = the first request did not answer 2xx, nothing was timed");
        // A feed has no numberMatched to check: its VEVENTs beside the rows of its raw SQL show whether they agree.
        results.stream().filter(ApiSeries::available).filter(s -> s.raw() != null && s.p95Request().raw().size() == 1)
                .forEach(s -> System.out.printf(Locale.ROOT, "  %s: the raw SQL read %s rows on average%n",
                        s.apiCase().name(), ImportBench.thousands(s.meanRawRows())));
        results.stream().filter(s -> !s.available()).forEach(s -> System.out.printf(Locale.ROOT,
                "  %s: NOT SERVED, HTTP %d%n", s.apiCase().name(), s.status()));
        results.stream().filter(ApiSeries::available).filter(s -> s.service().failures() > 0).forEach(s -> System.out.printf(
                Locale.ROOT, "  %s: %d requests did not answer 2xx%n", s.apiCase().name(), s.service().failures()));
    }

    private static String goals(ApiSeries s) {
        Goal goal = s.apiCase().goal();
        String latency = goal.p95Millis == Double.POSITIVE_INFINITY ? ""
                : goal.text + " " + (s.latencyGoalMet() ? "met" : "NOT met");
        String ratio = s.raw() == null ? "" : "<= " + Goal.SERVICE_TO_RAW + "x " + (s.ratioGoalMet() ? "met" : "NOT met");
        return (latency + (latency.isEmpty() || ratio.isEmpty() ? "" : ", ") + ratio).strip();
    }

    static void load(String mix, List<ApiLoad.Level> levels, double p99GoalMillis) {
        System.out.printf(Locale.ROOT, "%nConcurrent load on loopback, closed loop (no think time), %d s per level, mixing "
                + "%s%n", Math.round(levels.get(0).seconds()), mix);
        System.out.println(ApiLoad.header());
        levels.forEach(l -> System.out.println(ApiLoad.format(l)));
        levels.stream().filter(l -> l.latency().percentileMillis(99) < p99GoalMillis && l.failures() == 0)
                .max((a, b) -> Double.compare(a.requestsPerSecond(), b.requestsPerSecond()))
                .ifPresentOrElse(best -> System.out.printf(Locale.ROOT, "  highest throughput with p99 < %.0f ms: "
                                + "%.0f requests/s (%d threads)%n", p99GoalMillis, best.requestsPerSecond(), best.threads()),
                        () -> System.out.printf(Locale.ROOT, "  no level kept p99 under %.0f ms%n", p99GoalMillis));
        System.out.println("  clients, service and PostgreSQL share the machine's CPUs; the service has a pool of 10 "
                + "connections");
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of the request at the p95 of each case over its latency goal: what
     * the SQL spends its time on. Cases over the ratio goal only are listed without plans: their SQL
     * is fast, and what the service adds is not in a plan.
     */
    static void plans(ApiTimer timer, List<ApiSeries> results) {
        System.out.printf(Locale.ROOT, "%nPlans of the cases over their latency goal (the request at the raw p95; "
                + "for lists, statement 1 is the page, 2 the count)%n");
        boolean any = false;
        for (ApiSeries s : results) {
            if (!s.available() || s.raw() == null) {
                continue;
            }
            if (!s.latencyGoalMet()) {
                any = true;
                System.out.printf(Locale.ROOT, "%n=== %s: GET %s%n", s.apiCase().name(), s.p95Request().path());
                List<String> plans = timer.explain(s.p95Request());
                for (int i = 0; i < plans.size(); i++) {
                    System.out.printf(Locale.ROOT, "--- statement %d of %d%n%s%n", i + 1, plans.size(), plans.get(i));
                }
            } else if (!s.ratioGoalMet()) {
                System.out.printf(Locale.ROOT, "  %s: within its latency goal, over the ratio only (service - raw p50 %.2f ms)%n",
                        s.apiCase().name(), s.service().percentileMillis(50) - s.raw().percentileMillis(50));
            }
        }
        if (!any) {
            System.out.println("  no case over its latency goal");
        }
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, millis >= 100 ? "%.0f" : "%.2f", millis);
    }
}
