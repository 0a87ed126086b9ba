package dev.zendo.platform.settings;

import java.time.Duration;

/** Bounds checks for duration settings, so every service words a refused value the same way. */
public final class DurationBounds {

    private DurationBounds() {
    }

    /**
     * Refuses {@code value} of the setting {@code name} (its full property name) when it is below {@code minimum};
     * a missing value is left to {@code @NotNull}.
     */
    public static void requireAtLeast(String name, Duration value, Duration minimum) {
        if (value != null && value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ", not " + value);
        }
    }
}
