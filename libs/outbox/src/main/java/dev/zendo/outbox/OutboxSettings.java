package dev.zendo.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * How the outbox relay of this instance works.
 *
 * @param enabled      whether this instance runs a relay (appending works either way)
 * @param batchSize    most rows claimed and published in one transaction
 * @param pollInterval how often the relay looks for rows when nothing woke it
 * @param retention    how long sent rows are kept before they are deleted
 * @param maxBackoff   longest pause between attempts after a failure (pauses start at 100 ms and double)
 * @param drainTimeout how long shutdown waits for the batch in flight before abandoning it unmarked
 */
@Context
@ConfigurationProperties("zendo.outbox")
public record OutboxSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "200") @Min(1) @Max(10_000) int batchSize,
        @NotNull @Bindable(defaultValue = "5s") Duration pollInterval,
        @NotNull @Bindable(defaultValue = "3d") Duration retention,
        @NotNull @Bindable(defaultValue = "30s") Duration maxBackoff,
        @NotNull @Bindable(defaultValue = "5s") Duration drainTimeout) {

    public OutboxSettings {
        requireAtLeast("poll-interval", pollInterval, Duration.ofMillis(10));
        requireAtLeast("retention", retention, Duration.ofSeconds(1));
        requireAtLeast("max-backoff", maxBackoff, OutboxRelay.FIRST_BACKOFF);
        requireAtLeast("drain-timeout", drainTimeout, Duration.ZERO);
    }

    private static void requireAtLeast(String name, Duration value, Duration minimum) {
        if (value != null && value.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("zendo.outbox." + name + " must be at least " + minimum + ", not " + value);
        }
    }
}
