package dev.zendo.bench.conversations;

import dev.zendo.bench.http.HttpConnections;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Open-model load for one run: the send times are fixed up front at a constant rate, and each latency runs from a
 * request's intended send time to its answer. A stall of the server or of the generator is so charged to every
 * request due during it (no coordinated omission). At most {@code connections} requests are in flight; a request
 * due while all are busy waits in the generator, its wait counted in its latency, and is given up (as a failure)
 * once it has waited longer than the connections' timeout.
 */
final class FixedRate {

    private static final Duration SLACK = Duration.ofSeconds(5);

    /**
     * One run's plan.
     *
     * @param rate        requests per second
     * @param duration    how long requests are sent for
     * @param connections most requests in flight (HTTP/1.1 keep-alive connections)
     */
    record Plan(double rate, Duration duration, int connections) {
        Plan {
            if (!(rate > 0) || duration.isNegative() || duration.isZero() || connections < 1) {
                throw new IllegalArgumentException("a plan needs a positive rate, duration and connection count: " + rate
                        + "/s, " + duration + ", " + connections + " connections");
            }
        }

        long requests() {
            return (long) Math.floor(rate * duration.toNanos() / 1e9);
        }
    }

    private final HttpConnections connections;
    private final Plan plan;
    private final Supplier<HttpConnections.Request> requests;
    private final Tally tally;
    private final CountDownLatch finished;
    private final Queue<Long> waiting = new ArrayDeque<>();
    private int inFlight;
    private int maxQueued;

    FixedRate(HttpConnections connections, Plan plan, Supplier<HttpConnections.Request> requests, int expectedStatus) {
        this.connections = connections;
        this.plan = plan;
        this.requests = requests;
        this.tally = new Tally(expectedStatus);
        this.finished = new CountDownLatch(Math.toIntExact(plan.requests()));
    }

    /** Sends the plan's requests on schedule, waits for their answers (at most the timeout after the last), and tells what happened. */
    Outcome run() throws InterruptedException {
        long total = plan.requests();
        double intervalNanos = 1e9 / plan.rate();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * intervalNanos);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            dispatch(due);
        }
        finished.await(connections.timeout().plus(SLACK).toMillis(), TimeUnit.MILLISECONDS);
        tally.unfinished(finished.getCount());
        return tally.outcome(total, Duration.ofNanos(System.nanoTime() - start), maxQueuedSoFar());
    }

    /** How many requests are due but wait for a connection now. */
    synchronized int queued() {
        return waiting.size();
    }

    private synchronized int maxQueuedSoFar() {
        return maxQueued;
    }

    private void dispatch(long due) {
        synchronized (this) {
            if (inFlight == plan.connections()) {
                waiting.add(due);
                maxQueued = Math.max(maxQueued, waiting.size());
                return;
            }
            inFlight++;
        }
        send(due);
    }

    private void send(long due) {
        connections.send(requests.get()).whenComplete((answer, error) -> {
            tally.record(due, answer, error);
            finished.countDown();
            sendNextWaiting();
        });
    }

    /** Hands the connection just freed to the oldest waiting request still worth sending, or gives it back. */
    private void sendNextWaiting() {
        while (true) {
            long due;
            synchronized (this) {
                Long next = waiting.poll();
                if (next == null) {
                    inFlight--;
                    return;
                }
                due = next;
            }
            if (System.nanoTime() - due <= connections.timeout().toNanos()) {
                send(due);
                return;
            }
            tally.lost(due, "gave up waiting for a connection");
            finished.countDown();
        }
    }
}
