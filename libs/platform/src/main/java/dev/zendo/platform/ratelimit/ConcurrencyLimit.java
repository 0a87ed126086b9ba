package dev.zendo.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most a fixed number of callers run a costly piece of work at once (e.g. memory-hungry password hashing);
 * a caller beyond that waits up to {@code maxWait} for a turn, then is refused with 503 and {@code Retry-After}.
 */
public final class ConcurrencyLimit {

    private final Semaphore permits;
    private final Duration maxWait;

    public ConcurrencyLimit(int permits, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, not " + permits);
        }
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    /** Runs {@code work} once a permit is free. */
    public <T> T call(Supplier<T> work) {
        acquire();
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    private void acquire() {
        try {
            if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw RetryLaterException.busy(maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RetryLaterException.busy(maxWait);
        }
    }
}
