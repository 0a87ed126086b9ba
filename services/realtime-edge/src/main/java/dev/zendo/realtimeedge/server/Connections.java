package dev.zendo.realtimeedge.server;

import dev.zendo.realtimeedge.auth.AgentCredentials;
import dev.zendo.realtimeedge.auth.Credentials;
import dev.zendo.realtimeedge.auth.VisitorCredentials;
import dev.zendo.realtimeedge.config.RealtimeSettings;
import dev.zendo.realtimeedge.connection.CloseCode;
import dev.zendo.realtimeedge.connection.Connection;
import dev.zendo.realtimeedge.connection.Frames;
import dev.zendo.realtimeedge.fanout.SiteFeed;
import dev.zendo.realtimeedge.metrics.EdgeMetrics;
import dev.zendo.realtimeedge.origins.WebsiteDirectory;
import dev.zendo.realtimeedge.presence.AgentPresence;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every upgraded connection of the node, and the one periodic sweep over them that replaces per-connection timers:
 * auth timeout (4401), idle timeout (4000), credential expiry (4401) and the heartbeat of sockets without
 * subscriptions. Also drains the node on shutdown and closes visitors of deleted websites (4403).
 */
@Singleton
public class Connections {

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final RealtimeSettings settings;
    private final SiteFeed feed;
    private final AgentPresence presence;
    private long nextHeartbeat;

    Connections(RealtimeSettings settings, SiteFeed feed, AgentPresence presence, WebsiteDirectory directory, EdgeMetrics metrics) {
        this.settings = settings;
        this.feed = feed;
        this.presence = presence;
        directory.onDeleted(this::websiteDeleted);
        metrics.gauge("zendo.realtime.connections", "Open WebSocket connections on this node", open::size);
    }

    /** Registers a channel whose upgrade completed, from a page at {@code origin} (null when none). */
    Connection opened(Channel channel, String origin) {
        Connection connection = new Connection(channel, ids.incrementAndGet(), origin, System.nanoTime(), settings.rateBurst());
        channel.attr(Connection.KEY).set(connection);
        open.add(connection);
        return connection;
    }

    /** Forgets a closed connection: its subscriptions and its agent's presence on this node. */
    void closed(Connection connection) {
        if (!open.remove(connection)) {
            return;
        }
        feed.closed(connection);
        if (connection.credentials() instanceof AgentCredentials agent) {
            presence.disconnected(agent.agentId(), Set.copyOf(agent.websites().keySet()));
        }
    }

    /** Starts the sweep on one of {@code loops}. */
    void startSweep(EventLoopGroup loops) {
        long period = settings.sweepInterval().toNanos();
        nextHeartbeat = System.nanoTime() + settings.heartbeatInterval().toNanos();
        loops.next().scheduleAtFixedRate(this::sweep, period, period, TimeUnit.NANOSECONDS);
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            Instant wallClock = Instant.now();
            long authTimeout = settings.authTimeout().toNanos();
            long idleTimeout = settings.idleTimeout().toNanos();
            boolean heartbeat = now - nextHeartbeat >= 0;
            if (heartbeat) {
                nextHeartbeat = now + settings.heartbeatInterval().toNanos();
            }
            TextWebSocketFrame beat = heartbeat ? Frames.frame("heartbeat", json -> Frames.cursors(json, "cursors", Map.of())) : null;
            try {
                for (Connection connection : open) {
                    Credentials credentials = connection.credentials();
                    if (connection.closing()) {
                        continue;
                    }
                    if (credentials == null && !connection.verifying() && now - connection.openedAt() > authTimeout) {
                        connection.close(CloseCode.UNAUTHORIZED);
                    } else if (now - connection.lastInbound() > idleTimeout) {
                        connection.close(CloseCode.IDLE);
                    } else if (credentials != null && !credentials.expiresAt().isAfter(wallClock)) {
                        connection.close(CloseCode.UNAUTHORIZED);
                    } else if (beat != null && credentials != null && SiteFeed.subscriptionsOf(connection) == 0) {
                        connection.channel().writeAndFlush(beat.retainedDuplicate());
                    }
                }
            } finally {
                if (beat != null) {
                    beat.release();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("The connection sweep failed: {}", e.toString(), e);
        }
    }

    /**
     * Drains the node: tells every client to {@code reconnect} (spread over the first half of the drain timeout), waits
     * until they have left or the timeout passed, closes the rest with 4001 and waits (a little) until their close
     * frames are out, so the event loops are not shut down under them.
     */
    void drain() throws InterruptedException {
        Duration timeout = settings.drainTimeout();
        long spread = Math.max(1, timeout.toMillis() / 2);
        for (Connection connection : open) {
            long after = ThreadLocalRandom.current().nextLong(spread);
            connection.channel().writeAndFlush(Frames.frame("reconnect", json -> json.writeNumberField("after_ms", after)));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        List<Connection> staying = List.copyOf(open);
        staying.forEach(connection -> connection.close(CloseCode.DRAINING));
        long closeDeadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (Connection connection : staying) {
            connection.channel().closeFuture().await(Math.max(0, (closeDeadline - System.nanoTime()) / 1_000_000));
        }
    }

    private void websiteDeleted(UUID websiteId) {
        for (Connection connection : open) {
            Credentials credentials = connection.credentials();
            if (credentials instanceof VisitorCredentials visitor && visitor.websiteId().equals(websiteId)) {
                connection.close(CloseCode.FORBIDDEN);
            } else if (credentials instanceof AgentCredentials agent && agent.websites().containsKey(websiteId)) {
                feed.unsubscribe(connection, websiteId, null, false);
            }
        }
    }
}
