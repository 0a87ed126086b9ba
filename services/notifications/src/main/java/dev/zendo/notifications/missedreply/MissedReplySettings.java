package dev.zendo.notifications.missedreply;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * When an agent's reply the visitor has not read is mailed to the visitor.
 *
 * @param delay        how long a reply may stay unread before it is mailed
 * @param pollInterval how often the sweep looks for due digests
 * @param batchSize    digests claimed per transaction
 */
@Context
@ConfigurationProperties("zendo.notifications.missed-reply")
public record MissedReplySettings(
        @NotNull @Bindable(defaultValue = "10m") Duration delay,
        @NotNull @Bindable(defaultValue = "5s") Duration pollInterval,
        @Bindable(defaultValue = "20") @Min(1) @Max(500) int batchSize) {

    public MissedReplySettings {
        requireAtLeast("zendo.notifications.missed-reply.delay", delay, Duration.ofMillis(1));
        requireAtLeast("zendo.notifications.missed-reply.poll-interval", pollInterval, Duration.ofMillis(10));
    }
}
