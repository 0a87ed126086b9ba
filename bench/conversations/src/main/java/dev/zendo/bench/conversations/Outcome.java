package dev.zendo.bench.conversations;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one load run measured.
 *
 * @param sent      requests due in the run (sent, or given up while waiting for a connection)
 * @param ok        answers with the expected status
 * @param failures  every other outcome by kind ({@code HTTP 429}, an exception's name, never sent, unfinished), and its count
 * @param samples   one answer body or message per failure kind
 * @param latencies every finished request's latency in microseconds, failures included
 * @param elapsed   from the run's start to its last answer
 * @param maxQueued the most requests that were due but waited for one of the generator's connections
 * @param cpu       the CPU time the generator's process spent over the run (every thread: sending, answers, GC)
 */
record Outcome(long sent, long ok, Map<String, Long> failures, Map<String, String> samples, Histogram latencies,
               Duration elapsed, int maxQueued, Duration cpu) {

    long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Expected answers per second over the run. */
    double throughput() {
        return ok / (elapsed.toNanos() / 1e9);
    }

    double millisAt(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return latencies.getMaxValue() / 1000.0;
    }

    /** The generator's own CPU time per request sent, in milliseconds. */
    double cpuMillisPerRequest() {
        return sent == 0 ? 0 : cpu.toNanos() / 1e6 / sent;
    }

    String failureSummary() {
        return failures.isEmpty() ? "none" : failures.entrySet().stream()
                .map(entry -> entry.getKey() + " x" + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    String summary() {
        return String.format("%d sent, %d ok (%.0f/s), failures: %s; latency ms p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.2f; "
                        + "most waiting for a connection %d; the generator's CPU %.3f ms per request",
                sent, ok, throughput(), failureSummary(), millisAt(50), millisAt(90), millisAt(99), millisAt(99.9), maxMillis(), maxQueued,
                cpuMillisPerRequest());
    }
}
