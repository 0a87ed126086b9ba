package dev.zendo.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * How the outbox relay of this instance works.
 *
 * @param enabled        whether this instance runs a relay (appending works either way)
 * @param batchSize      most rows claimed and published in one transaction
 * @param pollInterval   how often the relay looks for rows when nothing woke it
 * @param retention      how long sent rows are kept before they are deleted
 * @param maxBackoff     longest pause between attempts after a failure (pauses start at 100 ms and double)
 * @param drainTimeout   how long shutdown waits for the batch in flight before abandoning it unmarked
 * @param maxAttempts    failed attempts after which a row is parked until an operator retries it
 * @param notifyInterval shortest time between two NOTIFYs that wake the relays of other instances (0: every commit)
 */
@Context
@ConfigurationProperties("zendo.outbox")
public record OutboxSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "200") @Min(1) @Max(10_000) int batchSize,
        @NotNull @Bindable(defaultValue = "5s") Duration pollInterval,
        @NotNull @Bindable(defaultValue = "1m") Duration retention,
        @NotNull @Bindable(defaultValue = "30s") Duration maxBackoff,
        @NotNull @Bindable(defaultValue = "5s") Duration drainTimeout,
        @Bindable(defaultValue = "10") @Min(1) @Max(1_000) int maxAttempts,
        @NotNull @Bindable(defaultValue = "100ms") Duration notifyInterval) {

    public OutboxSettings {
        requireAtLeast("zendo.outbox.poll-interval", pollInterval, Duration.ofMillis(10));
        requireAtLeast("zendo.outbox.retention", retention, Duration.ofSeconds(1));
        requireAtLeast("zendo.outbox.max-backoff", maxBackoff, OutboxRelay.FIRST_BACKOFF);
        requireAtLeast("zendo.outbox.drain-timeout", drainTimeout, Duration.ZERO);
        requireAtLeast("zendo.outbox.notify-interval", notifyInterval, Duration.ZERO);
    }

    /** How often sent rows are deleted: twice per retention, at least once a minute. */
    Duration cleanupInterval() {
        Duration half = retention.dividedBy(2);
        return half.compareTo(Duration.ofMinutes(1)) < 0 ? half : Duration.ofMinutes(1);
    }

    /** The pause after the {@code attempts}-th failure: 100 ms, doubling, at most {@code maxBackoff}. */
    Duration backoff(int attempts) {
        Duration backoff = OutboxRelay.FIRST_BACKOFF;
        for (int i = 1; i < attempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) < 0 ? backoff : maxBackoff;
    }
}
