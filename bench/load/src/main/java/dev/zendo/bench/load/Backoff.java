package dev.zendo.bench.load;

import java.util.concurrent.ThreadLocalRandom;

/** The dashboard's reconnect wait (dashboard/src/realtime/frames.ts, {@code backoffDelay}): full jitter, doubling. */
final class Backoff {

    /** The dashboard's base: its first reconnect waits a random part of 500 ms. */
    static final int DASHBOARD_MILLIS = 500;
    private static final long MAX_MILLIS = 30_000;

    private Backoff() {
    }

    /** A random wait below {@code base} ms doubled {@code attempt} times, at most 30 s; 0 for a base of 0. */
    static long millis(int base, int attempt) {
        long ceiling = Math.min(MAX_MILLIS, (long) base << Math.min(attempt, 16));
        return (long) (ThreadLocalRandom.current().nextDouble() * ceiling);
    }
}
