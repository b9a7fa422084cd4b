package org.atlascitoyen.mapservice.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entry point of {@code ./atlas bench NAME [ARGS]}: runs one benchmark against the database the
 * launcher exports ({@code ATLAS_DB_*}). Benchmarks print figures; they assert nothing about time,
 * because timings depend on the machine and a failing build would only teach people to skip them.
 */
public final class Bench {

    /** One benchmark, given the arguments that follow its name. */
    @FunctionalInterface
    interface Benchmark {
        void run(List<String> args) throws Exception;
    }

    /** Every benchmark by name; a new one is one more line here. */
    private static final Map<String, Benchmark> BENCHMARKS = new TreeMap<>(Map.of(
            "territories", TerritoryBench::run,
            "import", ImportBench::run,
            "export", ExportBench::run,
            "tiles", TileBench::run,
            "api", ApiBench::run,
            "web", WebBench::run));

    private Bench() {
    }

    public static void main(String[] args) {
        Benchmark benchmark = args.length == 0 ? null : BENCHMARKS.get(args[0]);
        if (benchmark == null) {
            usage(args.length == 0 ? "Missing benchmark NAME." : "Unknown benchmark '" + args[0] + "'.");
        }
        int status = 0;
        try {
            benchmark.run(List.copyOf(Arrays.asList(args).subList(1, args.length)));
        } catch (IllegalArgumentException e) {
            usage(e.getMessage());
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // Exit explicitly: threads a benchmark started (web server, HTTP client) must not keep the JVM up.
        System.exit(status);
    }

    /** Removes a shutdown hook, unless the JVM is already shutting down (Ctrl-C): then it has run or is running. */
    static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook does the work, once.
        }
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: ./atlas bench NAME [ARGS]");
        System.err.println("Benchmarks: " + String.join(", ", BENCHMARKS.keySet()));
        System.exit(2);
    }
}
