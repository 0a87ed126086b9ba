package dev.zendo.realtimeedge.session;

import dev.zendo.realtimeedge.auth.AgentCredentials;
import dev.zendo.realtimeedge.auth.CredentialVerifier;
import dev.zendo.realtimeedge.auth.Credentials;
import dev.zendo.realtimeedge.auth.VisitorCredentials;
import dev.zendo.realtimeedge.config.RealtimeSettings;
import dev.zendo.realtimeedge.config.WsSettings;
import dev.zendo.realtimeedge.connection.CloseCode;
import dev.zendo.realtimeedge.connection.Connection;
import dev.zendo.realtimeedge.connection.Frames;
import dev.zendo.realtimeedge.fanout.SiteFeed;
import dev.zendo.realtimeedge.origins.WebsiteDirectory;
import dev.zendo.realtimeedge.origins.WebsiteOrigins;
import dev.zendo.realtimeedge.presence.AgentPresence;
import jakarta.inject.Singleton;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * Applies {@code auth} frames: verifies the token off the event loop, then on the connection's event loop admits it
 * (first {@code auth}: a visitor's website must exist, be live and allow the socket's {@code Origin}) or renews it
 * (same subject; an agent's websites are replaced), tells presence, and answers {@code ready}.
 */
@Singleton
public class Authenticator {

    private final CredentialVerifier verifier;
    private final WebsiteDirectory directory;
    private final SiteFeed feed;
    private final AgentPresence presence;
    private final boolean originCheck;
    private final String nodeId;

    Authenticator(CredentialVerifier verifier, WebsiteDirectory directory, SiteFeed feed, AgentPresence presence,
                  WsSettings ws, RealtimeSettings settings) {
        this.verifier = verifier;
        this.directory = directory;
        this.feed = feed;
        this.presence = presence;
        this.originCheck = ws.originCheck();
        this.nodeId = settings.nodeId();
    }

    /**
     * Verifies {@code token} and applies it to {@code connection}; a bad token closes it 4401. While the token waits
     * for a verifier thread (a herd of reconnecting clients queues there), the auth timeout does not close the socket.
     */
    void authenticate(Connection connection, String token) {
        connection.verifying(true);
        try {
            verifier.verify(token).whenComplete((credentials, failure) -> connection.channel().eventLoop().execute(() ->
                    apply(connection, failure == null ? credentials : Optional.empty())));
        } catch (RejectedExecutionException e) {
            connection.verifying(false);
            connection.close(CloseCode.UNAUTHORIZED);
        }
    }

    private void apply(Connection connection, Optional<Credentials> verified) {
        connection.verifying(false);
        if (connection.closing()) {
            return;
        }
        if (verified.isEmpty()) {
            connection.close(CloseCode.UNAUTHORIZED);
            return;
        }
        Credentials renewed = verified.get();
        Credentials before = connection.credentials();
        if (before == null ? !admitted(connection, renewed) : !sameParty(before, renewed)) {
            connection.close(CloseCode.FORBIDDEN);
            return;
        }
        connection.authenticated(renewed);
        if (renewed instanceof AgentCredentials agent) {
            Set<UUID> previous = before == null ? Set.of() : ((AgentCredentials) before).websites().keySet();
            Set<UUID> dropped = new HashSet<>(previous);
            dropped.removeAll(agent.websites().keySet());
            Set<UUID> added = new HashSet<>(agent.websites().keySet());
            added.removeAll(previous);
            dropped.forEach(websiteId -> feed.unsubscribe(connection, websiteId, null, false));
            if (!dropped.isEmpty()) {
                presence.disconnected(agent.agentId(), Set.copyOf(dropped));
            }
            if (!added.isEmpty()) {
                presence.connected(agent.agentId(), Set.copyOf(added));
            }
        }
        connection.channel().writeAndFlush(Frames.frame("ready", json -> {
            json.writeNumberField("v", 1);
            json.writeStringField("node", nodeId);
            json.writeStringField("role", renewed instanceof AgentCredentials ? "agent" : "visitor");
            json.writeStringField("expires_at", Frames.time(renewed.expiresAt()));
        }));
    }

    private boolean admitted(Connection connection, Credentials credentials) {
        if (!(credentials instanceof VisitorCredentials visitor)) {
            return true;
        }
        Optional<WebsiteOrigins> website = directory.website(visitor.websiteId());
        return website.isPresent() && !website.get().deleted() && (!originCheck || website.get().admits(connection.origin()));
    }

    private static boolean sameParty(Credentials before, Credentials renewed) {
        if (before instanceof VisitorCredentials visitor) {
            return renewed instanceof VisitorCredentials again && visitor.visitorId().equals(again.visitorId())
                    && visitor.websiteId().equals(again.websiteId());
        }
        return renewed instanceof AgentCredentials again && before.subject().equals(again.subject());
    }
}
