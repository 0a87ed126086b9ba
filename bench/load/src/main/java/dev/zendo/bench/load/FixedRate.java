package dev.zendo.bench.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Sends at fixed intended times: the i-th of a run at {@code start + i / rate}, a bounded count
 * ({@code rate x seconds}). A send that is late (the sender, the machine or a blocking send stalled) goes out at once
 * and keeps its intended time, so receivers charge the stall to its age (no coordinated omission).
 */
final class FixedRate {

    private final AtomicLong sent = new AtomicLong();

    /** Sends {@code rate x duration} payloads numbered from {@code firstIndex}; returns the next index. */
    long run(int rate, Duration duration, long firstIndex, Consumer<Payload> send) {
        long count = rate * duration.toSeconds();
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send.accept(new Payload(firstIndex + i, due));
            sent.incrementAndGet();
        }
        return firstIndex + count;
    }

    /** How many payloads were handed to senders so far, over every run. */
    long sent() {
        return sent.get();
    }
}
