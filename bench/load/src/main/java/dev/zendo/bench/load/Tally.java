package dev.zendo.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What every client socket of a run reports: subscriptions, first deliveries with their age, repeats and failures by kind. */
final class Tally {

    private final Recorder ages = new Recorder(3);
    private final LongAdder delivered = new LongAdder();
    private final LongAdder repeated = new LongAdder();
    private final LongAdder otherEvents = new LongAdder();
    private final AtomicInteger subscribed = new AtomicInteger();
    private final AtomicInteger lost = new AtomicInteger();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Map<String, String> samples = new ConcurrentHashMap<>();

    void subscribed() {
        subscribed.incrementAndGet();
    }

    /** A socket closed before it was subscribed. */
    void lost() {
        lost.incrementAndGet();
    }

    int subscriptions() {
        return subscribed.get();
    }

    int settled() {
        return subscribed.get() + lost.get();
    }

    int lostSockets() {
        return lost.get();
    }

    /** A first delivery of an event to one client, {@code ageNanos} after its intended send time. */
    void delivered(long ageNanos) {
        ages.recordValue(Math.max(0, ageNanos / 1_000));
        delivered.increment();
    }

    /** An event a client had already received (a resume may repeat events; clients drop them by event id). */
    void repeated() {
        repeated.increment();
    }

    /** A well-formed event the run did not inject (presence, conversation lifecycle). */
    void otherEvent() {
        otherEvents.increment();
    }

    void fail(String kind, String sample) {
        failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
        samples.putIfAbsent(kind, sample.length() > 300 ? sample.substring(0, 300) + "…" : sample);
    }

    long deliveries() {
        return delivered.sum();
    }

    long repeats() {
        return repeated.sum();
    }

    long otherEvents() {
        return otherEvents.sum();
    }

    /** The ages (microseconds) recorded since the last call. */
    Histogram takeAges() {
        return ages.getIntervalHistogram();
    }

    /** Failures by kind, each with its count and one sample. */
    Map<String, String> failures() {
        Map<String, String> out = new TreeMap<>();
        failures.forEach((kind, count) -> out.put(kind, count.sum() + " (e.g. " + samples.get(kind) + ")"));
        return out;
    }
}
