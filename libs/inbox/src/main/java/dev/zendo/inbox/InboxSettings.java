package dev.zendo.inbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * How the inbox consumer of this instance works.
 *
 * @param enabled      whether this instance consumes (the handlers' topics) at all
 * @param group        the Kafka consumer group; unset means the service's name ({@code micronaut.application.name})
 * @param maxAttempts  failed handler attempts after which a record is parked and the consumer moves on
 * @param maxBackoff   longest pause between attempts (pauses start at 100 ms and double)
 * @param pollTimeout  how long one poll of Kafka waits for records
 * @param drainTimeout how long shutdown waits for the record in flight before abandoning it uncommitted
 * @param topicRefresh how soon a new topic matching a handler's pattern is consumed (Kafka's metadata max age)
 * @param commitInterval how often the offsets of settled records are committed at most (0: after every poll); they
 *                       are also committed when partitions are taken away and on shutdown, and a record delivered
 *                       again after a crash is skipped as processed
 */
@Context
@ConfigurationProperties("zendo.inbox")
public record InboxSettings(
        @Bindable(defaultValue = "true") boolean enabled,
        @Nullable @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be letters, digits, '.', '_' or '-'") String group,
        @Bindable(defaultValue = "5") @Min(1) @Max(1_000) int maxAttempts,
        @NotNull @Bindable(defaultValue = "10s") Duration maxBackoff,
        @NotNull @Bindable(defaultValue = "500ms") Duration pollTimeout,
        @NotNull @Bindable(defaultValue = "10s") Duration drainTimeout,
        @NotNull @Bindable(defaultValue = "5s") Duration topicRefresh,
        @NotNull @Bindable(defaultValue = "1s") Duration commitInterval) {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    public InboxSettings {
        requireAtLeast("zendo.inbox.max-backoff", maxBackoff, FIRST_BACKOFF);
        requireAtLeast("zendo.inbox.poll-timeout", pollTimeout, Duration.ofMillis(10));
        requireAtLeast("zendo.inbox.drain-timeout", drainTimeout, Duration.ZERO);
        requireAtLeast("zendo.inbox.topic-refresh", topicRefresh, Duration.ofMillis(100));
        requireAtLeast("zendo.inbox.commit-interval", commitInterval, Duration.ZERO);
    }

    /** The pause after the {@code attempts}-th failure: 100 ms, doubling, at most {@code maxBackoff}. */
    Duration backoff(int attempts) {
        Duration backoff = FIRST_BACKOFF;
        for (int i = 1; i < attempts && backoff.compareTo(maxBackoff) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(maxBackoff) < 0 ? backoff : maxBackoff;
    }
}
