package dev.zendo.bench.conversations;

import dev.zendo.bench.http.HttpConnections;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/** Latencies and outcomes of one load run, recorded from the HTTP client's event loop, and the generator's CPU time since its creation. */
final class Tally {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);
    private static final int SAMPLE_LENGTH = 300;

    private final int expectedStatus;
    private final Histogram latencies = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final LongAdder ok = new LongAdder();
    private final ConcurrentMap<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, String> samples = new ConcurrentHashMap<>();
    private final long cpuAtStart = processCpuNanos();

    Tally(int expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    /** Records one finished exchange that started (or was due to start) at {@code startNanos}. */
    void record(long startNanos, HttpConnections.Answer answer, Throwable error) {
        long micros = latencyMicros(startNanos);
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            fail(cause instanceof TimeoutException ? "timeout" : cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
        } else if (answer.status() != expectedStatus) {
            fail("HTTP " + answer.status(), answer.body());
        } else {
            ok.increment();
        }
        latencies.recordValue(micros);
    }

    /** Records a request that was due at {@code startNanos} and never got an answer, for {@code reason}. */
    void lost(long startNanos, String reason) {
        fail(reason, reason);
        latencies.recordValue(latencyMicros(startNanos));
    }

    /** Counts {@code count} requests that were due and had not finished when the run gave up on them. */
    void unfinished(long count) {
        if (count > 0) {
            failures.computeIfAbsent("unfinished", kind -> new LongAdder()).add(count);
        }
    }

    Outcome outcome(long sent, Duration elapsed, int maxQueued) {
        Map<String, Long> counts = new TreeMap<>();
        failures.forEach((kind, count) -> counts.put(kind, count.sum()));
        return new Outcome(sent, ok.sum(), counts, new TreeMap<>(samples), latencies.copy(), elapsed, maxQueued,
                Duration.ofNanos(processCpuNanos() - cpuAtStart));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void fail(String kind, String sample) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
        samples.putIfAbsent(kind, sample == null ? "" : sample.substring(0, Math.min(sample.length(), SAMPLE_LENGTH)));
    }

    private static long latencyMicros(long startNanos) {
        return Math.min(HIGHEST_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startNanos)));
    }
}
