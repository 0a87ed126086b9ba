package dev.zendo.realtimeedge.config;

import dev.zendo.platform.settings.DurationBounds;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * How the edge treats its connections (docs/protocol.md, "Limits").
 *
 * @param nodeId            this node's name in {@code ready} frames and presence, unique among the nodes; default host name and pid
 * @param authTimeout       a socket must send its {@code auth} within this time of the upgrade (else 4401); a token
 *                          still being checked then is waited for
 * @param idleTimeout       a socket that sends nothing for this long is closed (4000)
 * @param heartbeatInterval how often authenticated sockets get a {@code heartbeat}
 * @param sweepInterval     how often the one sweep over all connections checks the timeouts and expiries above
 * @param rateFramesPerSecond inbound frames per second a connection may send on average (else 4429)
 * @param rateBurst         inbound frames a connection may send at once
 * @param drainTimeout      on shutdown, how long clients have after {@code reconnect} before the node closes them (4001)
 * @param conversationsPerWebsite how many conversations per website the node remembers (visitor and access) for typing checks
 * @param lookupTimeout     longest wait for the broker when a subscribe looks up a website topic's partitions and offsets
 *                          (then the client gets {@code error} {@code unavailable})
 * @param lookupRecords     how many of a website topic's latest records (in the conversation's partition) are searched
 *                          for the visitor of a conversation the node has not seen, when that visitor types in it
 */
@Context
@ConfigurationProperties("zendo.realtime")
public record RealtimeSettings(
        @Nullable String nodeId,
        @NotNull Duration authTimeout,
        @NotNull Duration idleTimeout,
        @NotNull Duration heartbeatInterval,
        @NotNull Duration sweepInterval,
        @Min(1) @Max(10_000) int rateFramesPerSecond,
        @Min(1) @Max(100_000) int rateBurst,
        @NotNull Duration drainTimeout,
        @Min(16) @Max(1_000_000) int conversationsPerWebsite,
        @NotNull Duration lookupTimeout,
        @Min(0) @Max(10_000_000) int lookupRecords) {

    public RealtimeSettings {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = hostName() + "-" + ProcessHandle.current().pid();
        }
        DurationBounds.requireAtLeast("zendo.realtime.auth-timeout", authTimeout, Duration.ofMillis(100));
        DurationBounds.requireAtLeast("zendo.realtime.idle-timeout", idleTimeout, Duration.ofSeconds(1));
        DurationBounds.requireAtLeast("zendo.realtime.heartbeat-interval", heartbeatInterval, Duration.ofMillis(100));
        DurationBounds.requireAtLeast("zendo.realtime.sweep-interval", sweepInterval, Duration.ofMillis(50));
        DurationBounds.requireAtLeast("zendo.realtime.drain-timeout", drainTimeout, Duration.ZERO);
        DurationBounds.requireAtLeast("zendo.realtime.lookup-timeout", lookupTimeout, Duration.ofMillis(100));
        if (heartbeatInterval != null && idleTimeout != null && heartbeatInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("zendo.realtime.heartbeat-interval (" + heartbeatInterval
                    + ") must be shorter than idle-timeout (" + idleTimeout + ")");
        }
        if (rateBurst < rateFramesPerSecond) {
            throw new IllegalArgumentException("zendo.realtime.rate-burst (" + rateBurst
                    + ") must be at least rate-frames-per-second (" + rateFramesPerSecond + ")");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "edge";
        }
    }
}
