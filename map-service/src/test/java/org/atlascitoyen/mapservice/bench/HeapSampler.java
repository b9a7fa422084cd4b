package org.atlascitoyen.mapservice.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest heap in use seen while a benchmark runs, sampled every few milliseconds on a daemon
 * thread. Sampling misses short spikes between two samples and counts garbage not yet collected,
 * so it is an order of magnitude for "does it fit in -Xmx", not an exact figure.
 */
final class HeapSampler implements AutoCloseable {

    private static final long PERIOD_MILLIS = 10;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-sampler");
        t.setDaemon(true);
        return t;
    });

    private HeapSampler() {
    }

    static HeapSampler start() {
        HeapSampler sampler = new HeapSampler();
        sampler.timer.scheduleAtFixedRate(sampler::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
        return sampler;
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        peak.accumulateAndGet(used, Math::max);
    }

    /** Peak heap used so far, in bytes. */
    long peakBytes() {
        sample();
        return peak.get();
    }

    /** The heap limit (-Xmx), in bytes, or -1 when undefined. */
    long maxBytes() {
        return memory.getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
