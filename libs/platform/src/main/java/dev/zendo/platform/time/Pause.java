package dev.zendo.platform.time;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits that end early when a background loop (outbox relay, inbox consumer) is told to stop. */
public final class Pause {

    private static final long SLICE_MILLIS = 100;

    private Pause() {
    }

    /** Waits {@code pause}, or less if {@code running} turns false. */
    public static void upTo(Duration pause, BooleanSupplier running) {
        long deadline = System.nanoTime() + pause.toNanos();
        try {
            for (long left = pause.toNanos(); running.getAsBoolean() && left > 0; left = deadline - System.nanoTime()) {
                Thread.sleep(Math.min(Duration.ofNanos(left).toMillis() + 1, SLICE_MILLIS));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
