package dev.zendo.conversations.routing;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * Drains a website's queues: under the website's routing lock, hands waiting threads, oldest first across the
 * website's groups, to eligible agents chosen by each group's strategy, until no waiting thread has an eligible agent.
 * A queue whose front thread finds nobody waits as a whole (its threads share the same candidates). Then tells the
 * threads still waiting at the front of each queue that moved their new place.
 */
@Singleton
public class Router {

    private static final String ACTIVE_BY_AGENT = """
            SELECT agent_id, count(*) FROM threads WHERE website_id = ? AND status = 'ACTIVE' GROUP BY agent_id""";
    private static final String QUEUES = "SELECT DISTINCT group_id FROM threads WHERE website_id = ? AND status = 'PENDING'";
    private static final String FRONT = """
            SELECT t.id, t.conversation_id, t.queued_at FROM threads t
            WHERE t.website_id = ? AND t.status = 'PENDING' AND %s
            ORDER BY t.queued_at, t.id
            LIMIT ?""";
    private static final String CURSOR = "SELECT last_agent_id FROM routing_cursors WHERE group_id = ?";
    private static final String MOVE_CURSOR = """
            INSERT INTO routing_cursors (group_id, last_agent_id, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (group_id) DO UPDATE SET last_agent_id = EXCLUDED.last_agent_id, updated_at = EXCLUDED.updated_at""";
    private static final String LAST_AGENT_OF_CONVERSATION = """
            SELECT agent_id FROM threads WHERE conversation_id = ? AND id <> ? AND agent_id IS NOT NULL
            ORDER BY opened_at DESC LIMIT 1""";

    /** Waiting threads in drain order: queued_at, then id as PostgreSQL orders UUIDs (unsigned bytes). */
    private static final Comparator<Waiting> OLDEST_FIRST = Comparator.comparing(Waiting::queuedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Waiting::id, (a, b) -> {
                int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
                return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
            });

    private final TransactionOperations<Connection> transactions;
    private final RoutingJdbc sql;
    private final WebsiteLock websiteLock;
    private final Presence presence;
    private final Eligibility eligibility;
    private final Assignments assignments;
    private final QueuePositions positions;
    private final RoutingSettings settings;
    private final Clock clock;

    Router(TransactionOperations<Connection> transactions, RoutingJdbc sql, WebsiteLock websiteLock, Presence presence,
           Eligibility eligibility, Assignments assignments, QueuePositions positions, RoutingSettings settings, Clock clock) {
        this.transactions = transactions;
        this.sql = sql;
        this.websiteLock = websiteLock;
        this.presence = presence;
        this.eligibility = eligibility;
        this.assignments = assignments;
        this.positions = positions;
        this.settings = settings;
        this.clock = clock;
    }

    /** Assigns every waiting thread of the website that has an eligible agent now; returns how many it assigned. */
    public int drain(UUID websiteId) {
        return drain(websiteId, Set.of());
    }

    /**
     * Like {@link #drain(UUID)}; the {@code entered} threads just joined their queue, so each still waiting is told its
     * place even when its queue did not move.
     */
    int drain(UUID websiteId, Set<UUID> entered) {
        int total = 0;
        Set<UUID> announce = entered;
        while (true) {
            Presence.Snapshot now = presence.of(websiteId);
            Set<UUID> newcomers = announce;
            int assigned = transactions.executeWrite(status -> round(websiteId, now, newcomers));
            total += assigned;
            announce = Set.of();
            if (assigned < settings.drainBatch()) {
                return total;
            }
        }
    }

    private int round(UUID websiteId, Presence.Snapshot now, Set<UUID> entered) {
        websiteLock.lock(websiteId);
        Map<String, Integer> active = new HashMap<>();
        sql.list(ACTIVE_BY_AGENT, row -> active.put(row.getString(1), row.getInt(2)), websiteId);
        Map<UUID, Queue> queues = new HashMap<>();
        PriorityQueue<Waiting> waiting = new PriorityQueue<>(OLDEST_FIRST);
        for (UUID groupId : sql.list(QUEUES, row -> row.getObject(1, UUID.class), websiteId)) {
            Eligibility.RoutingGroup group = eligibility.group(websiteId, groupId);
            if (!eligibility.candidates(group, now, active).isEmpty()) {
                queues.put(groupId, new Queue(groupId, group));
                waiting.addAll(front(websiteId, groupId));
            }
        }
        int assigned = 0;
        while (assigned < settings.drainBatch() && !waiting.isEmpty()) {
            Waiting next = waiting.poll();
            Queue queue = queues.get(next.groupId());
            if (queue.blocked) {
                continue;
            }
            Optional<String> agent = choose(queue, next, eligibility.candidates(queue.group, now, active));
            if (agent.isEmpty()) {
                queue.blocked = true;
            } else if (assignments.route(next.id(), agent.get())) {
                active.merge(agent.get(), 1, Integer::sum);
                queue.moved = true;
                moveCursor(queue, agent.get());
                assigned++;
            }
        }
        announce(websiteId, queues, entered);
        return assigned;
    }

    private List<Waiting> front(UUID websiteId, UUID groupId) {
        Object[] args = groupId == null ? new Object[]{websiteId, settings.drainBatch()} : new Object[]{websiteId, groupId, settings.drainBatch()};
        return sql.list(QueuePositions.inQueue(FRONT, groupId), row -> new Waiting(row.getObject("id", UUID.class),
                row.getObject("conversation_id", UUID.class), groupId, RoutingJdbc.instant(row, "queued_at")), args);
    }

    private Optional<String> choose(Queue queue, Waiting thread, List<Strategy.Candidate> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (queue.cursor == null && queue.group.id() != null) {
            queue.cursor = sql.one(CURSOR, row -> row.getString(1), queue.group.id()).orElse("");
        }
        String lastOfConversation = queue.group.strategy() == Strategy.STICKY
                ? sql.one(LAST_AGENT_OF_CONVERSATION, row -> row.getString(1), thread.conversationId(), thread.id()).orElse(null)
                : null;
        return queue.group.strategy().pick(candidates, queue.cursor, lastOfConversation);
    }

    private void moveCursor(Queue queue, String agentId) {
        queue.cursor = agentId;
        if (queue.group.id() != null) {
            sql.update(MOVE_CURSOR, queue.group.id(), agentId, clock.instant());
        }
    }

    private void announce(UUID websiteId, Map<UUID, Queue> queues, Set<UUID> entered) {
        Set<UUID> announcedQueues = new HashSet<>();
        queues.values().stream().filter(queue -> queue.moved).forEach(queue -> {
            positions.announceFrom(websiteId, queue.groupId, 1);
            announcedQueues.add(queue.groupId);
        });
        for (UUID threadId : entered) {
            positions.place(threadId)
                    .filter(place -> !announcedQueues.contains(place.groupId()) || place.position() > settings.positionUpdates())
                    .ifPresent(place -> positions.announceArrival(websiteId, threadId, place));
        }
    }

    /** A waiting thread at the front of the queue of {@code groupId} (as stored on the thread). */
    private record Waiting(UUID id, UUID conversationId, UUID groupId, Instant queuedAt) {
    }

    /** One queue's state during a drain. */
    private static final class Queue {
        private final UUID groupId;
        private final Eligibility.RoutingGroup group;
        private String cursor;
        private boolean blocked;
        private boolean moved;

        private Queue(UUID groupId, Eligibility.RoutingGroup group) {
            this.groupId = groupId;
            this.group = group;
        }
    }
}
