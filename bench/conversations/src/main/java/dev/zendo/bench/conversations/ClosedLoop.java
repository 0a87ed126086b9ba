package dev.zendo.bench.conversations;

import dev.zendo.bench.http.HttpConnections;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Closed-model load for one run: {@code concurrency} requests always in flight, each sent as soon as the one before
 * it answers, for a fixed time. It finds the ceiling (answers per second at saturation); its latencies are service
 * times under that load, not what clients arriving at a fixed rate would see.
 */
final class ClosedLoop {

    private static final Duration SLACK = Duration.ofSeconds(5);

    private final HttpConnections connections;
    private final int concurrency;
    private final Duration duration;
    private final Supplier<HttpConnections.Request> requests;
    private final Tally tally;
    private final CountDownLatch loopsDone;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong lastAnswer = new AtomicLong();
    private long deadline;

    ClosedLoop(HttpConnections connections, int concurrency, Duration duration, Supplier<HttpConnections.Request> requests, int expectedStatus) {
        if (concurrency < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a closed loop needs a positive concurrency and duration");
        }
        this.connections = connections;
        this.concurrency = concurrency;
        this.duration = duration;
        this.requests = requests;
        this.tally = new Tally(expectedStatus);
        this.loopsDone = new CountDownLatch(concurrency);
    }

    Outcome run() throws InterruptedException {
        long start = System.nanoTime();
        deadline = start + duration.toNanos();
        lastAnswer.set(start);
        for (int i = 0; i < concurrency; i++) {
            next();
        }
        boolean done = loopsDone.await(duration.plus(connections.timeout()).plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
        tally.unfinished(done ? 0 : loopsDone.getCount());
        return tally.outcome(sent.get(), Duration.ofNanos(lastAnswer.get() - start), 0);
    }

    private void next() {
        long started = System.nanoTime();
        if (started - deadline >= 0) {
            loopsDone.countDown();
            return;
        }
        sent.incrementAndGet();
        connections.send(requests.get()).whenComplete((answer, error) -> {
            tally.record(started, answer, error);
            lastAnswer.accumulateAndGet(System.nanoTime(), Math::max);
            next();
        });
    }
}
