package dev.zendo.realtimeedge.presence;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

import static dev.zendo.platform.settings.DurationBounds.requireAtLeast;

/**
 * How agents' presence is kept in Redis (docs/protocol.md, "Presence keys"). A killed node's agents are announced
 * offline at most {@code ttl + sweep-interval} after its last refresh.
 *
 * @param ttl             how long a node's lease on an agent lasts unless it refreshes it (at least twice the refresh)
 * @param refreshInterval how often a node renews the leases of the agents connected to it
 * @param sweepInterval   how often each node looks for agents whose leases all lapsed and announces them offline
 * @param grace           how long a node keeps an agent's lease after its last connection on the node closed, so a
 *                        page reload does not announce the agent offline and online again
 */
@Context
@ConfigurationProperties("zendo.realtime.presence")
public record PresenceSettings(
        @NotNull @Bindable(defaultValue = "20s") Duration ttl,
        @NotNull @Bindable(defaultValue = "5s") Duration refreshInterval,
        @NotNull @Bindable(defaultValue = "5s") Duration sweepInterval,
        @NotNull @Bindable(defaultValue = "3s") Duration grace) {

    public PresenceSettings {
        requireAtLeast("zendo.realtime.presence.refresh-interval", refreshInterval, Duration.ofMillis(100));
        requireAtLeast("zendo.realtime.presence.sweep-interval", sweepInterval, Duration.ofMillis(100));
        requireAtLeast("zendo.realtime.presence.grace", grace, Duration.ZERO);
        if (refreshInterval != null) {
            requireAtLeast("zendo.realtime.presence.ttl", ttl, refreshInterval.multipliedBy(2));
        }
    }
}
