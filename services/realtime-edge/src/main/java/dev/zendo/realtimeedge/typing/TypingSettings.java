package dev.zendo.realtimeedge.typing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * How typing signals are throttled.
 *
 * @param interval   at most one signal per conversation and sender within this time, unless the state changes
 * @param maxSenders most (conversation, sender) pairs remembered at once; signals of further senders are dropped
 *                   until remembered ones are older than {@code interval}
 */
@Context
@ConfigurationProperties("zendo.realtime.typing")
public record TypingSettings(
        @NotNull @Bindable(defaultValue = "1s") Duration interval,
        @Bindable(defaultValue = "100000") @Min(1) @Max(10_000_000) int maxSenders) {

    public TypingSettings {
        requireAtLeast("zendo.realtime.typing.interval", interval, Duration.ofMillis(10));
    }
}
