package dev.zendo.conversations.routing;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Takes active threads back from agents who have been offline longer than {@code offline-timeout}: offline means no
 * edge refreshes the agent's presence (away agents are still there); the time counts from when the agent was last
 * seen, or from the assignment when that was later (an agent assigned while offline gets the full timeout). The
 * threads return to the front of their group's queue, keeping their first queued time, and are routed again.
 */
@Singleton
class Reassignment {

    private static final String ACTIVE = "SELECT id, agent_id, assigned_at FROM threads WHERE website_id = ? AND status = 'ACTIVE'";

    private final TransactionOperations<Connection> transactions;
    private final RoutingJdbc sql;
    private final WebsiteLock websiteLock;
    private final Presence presence;
    private final Assignments assignments;
    private final RoutingSettings settings;

    Reassignment(TransactionOperations<Connection> transactions, RoutingJdbc sql, WebsiteLock websiteLock,
                 Presence presence, Assignments assignments, RoutingSettings settings) {
        this.transactions = transactions;
        this.sql = sql;
        this.websiteLock = websiteLock;
        this.presence = presence;
        this.assignments = assignments;
        this.settings = settings;
    }

    /** Requeues the website's threads whose agents are gone for too long; returns how many. */
    int takeBackFromOfflineAgents(UUID websiteId) {
        if (abandoned(websiteId, presence.of(websiteId)).isEmpty()) {
            return 0;
        }
        return transactions.executeWrite(status -> {
            websiteLock.lock(websiteId);
            return (int) abandoned(websiteId, presence.of(websiteId)).stream()
                    .filter(thread -> assignments.takeBack(thread.id(), thread.agentId()))
                    .count();
        });
    }

    private List<ActiveThread> abandoned(UUID websiteId, Presence.Snapshot now) {
        Instant cutoff = now.at().minus(settings.offlineTimeout());
        return transactions.executeRead(status -> sql.list(ACTIVE, row -> new ActiveThread(row.getObject("id", UUID.class),
                        row.getString("agent_id"), RoutingJdbc.instant(row, "assigned_at")), websiteId))
                .stream()
                .filter(thread -> !now.connected(thread.agentId()) && offlineSince(now, thread).isBefore(cutoff))
                .toList();
    }

    private static Instant offlineSince(Presence.Snapshot now, ActiveThread thread) {
        Instant lastSeen = now.lastSeen(thread.agentId());
        Instant assignedAt = thread.assignedAt() == null ? Instant.EPOCH : thread.assignedAt();
        return lastSeen == null || lastSeen.isBefore(assignedAt) ? assignedAt : lastSeen;
    }

    private record ActiveThread(UUID id, String agentId, Instant assignedAt) {
    }
}
