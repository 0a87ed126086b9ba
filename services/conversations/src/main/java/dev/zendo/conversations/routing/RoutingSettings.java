package dev.zendo.conversations.routing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * How this instance routes threads to agents.
 *
 * @param sweepInterval   how often the safety-net sweep drains every queue and looks for threads of offline agents
 * @param offlineTimeout  how long an agent may be offline before its active threads go back to the queue
 * @param drainBatch      most threads assigned in one routing transaction (the website's routing lock is held that long)
 * @param positionUpdates how many waiting threads at the front of a group's queue are told their new position when the
 *                        queue moves (those further back learn it when they get closer)
 * @param drainThreads    threads that run drains requested by queued threads, freed slots and presence changes
 */
@Context
@ConfigurationProperties("zendo.conversations.routing")
public record RoutingSettings(
        @NotNull @Bindable(defaultValue = "2s") Duration sweepInterval,
        @NotNull @Bindable(defaultValue = "2m") Duration offlineTimeout,
        @Bindable(defaultValue = "100") @Min(1) @Max(1_000) int drainBatch,
        @Bindable(defaultValue = "50") @Min(0) @Max(1_000) int positionUpdates,
        @Bindable(defaultValue = "2") @Min(1) @Max(16) int drainThreads) {

    public RoutingSettings {
        requireAtLeast("zendo.conversations.routing.sweep-interval", sweepInterval, Duration.ofMillis(50));
        requireAtLeast("zendo.conversations.routing.offline-timeout", offlineTimeout, Duration.ofSeconds(1));
    }
}
