package dev.zendo.conversations.routing;

import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.events.v1.QueuePositionChanged;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Places in the queues: a queue is the waiting (PENDING) threads of one website and group, oldest {@code queued_at}
 * first, ties by id. When a queue moves, the threads at its front learn their new place by {@code QueuePositionChanged}.
 */
@Singleton
public class QueuePositions {

    private static final String POSITION = """
            SELECT t.group_id, count(q.id)
            FROM threads t
            JOIN threads q ON q.website_id = t.website_id AND q.status = 'PENDING'
                          AND q.group_id IS NOT DISTINCT FROM t.group_id AND (q.queued_at, q.id) <= (t.queued_at, t.id)
            WHERE t.id = ? AND t.status = 'PENDING'
            GROUP BY t.group_id""";
    private static final String FRONT = """
            SELECT t.id, t.conversation_id, c.visitor_id
            FROM threads t JOIN conversations c ON c.id = t.conversation_id
            WHERE t.website_id = ? AND t.status = 'PENDING' AND %s
            ORDER BY t.queued_at, t.id
            LIMIT ?""";
    private static final String ONE = """
            SELECT t.id, t.conversation_id, c.visitor_id
            FROM threads t JOIN conversations c ON c.id = t.conversation_id
            WHERE t.id = ?""";

    private final RoutingJdbc sql;
    private final SiteEvents events;
    private final RoutingSettings settings;

    QueuePositions(RoutingJdbc sql, SiteEvents events, RoutingSettings settings) {
        this.sql = sql;
        this.events = events;
        this.settings = settings;
    }

    /** The 1-based place of a waiting thread in its group's queue; empty when it is not waiting. */
    @Transactional(readOnly = true)
    public OptionalInt of(UUID threadId) {
        return place(threadId).map(place -> OptionalInt.of(place.position())).orElse(OptionalInt.empty());
    }

    /** The queue a waiting thread is in and its 1-based place there; empty when it is not waiting. */
    Optional<Place> place(UUID threadId) {
        return sql.one(POSITION, row -> new Place(row.getObject(1, UUID.class), row.getInt(2)), threadId);
    }

    /**
     * Tells a thread that just joined a queue its place, and those behind it within the first
     * {@code position-updates} theirs.
     */
    void announceArrival(UUID websiteId, UUID threadId, Place place) {
        if (place.position() <= settings.positionUpdates()) {
            announceFrom(websiteId, place.groupId(), place.position());
        } else {
            sql.one(ONE, QueuePositions::waiting, threadId).ifPresent(waiting -> publish(websiteId, place.groupId(), waiting, place.position()));
        }
    }

    /** SQL that selects the threads of the queue of {@code groupId} (none: the queue of threads without group). */
    static String inQueue(String sql, UUID groupId) {
        return sql.formatted(groupId == null ? "t.group_id IS NULL" : "t.group_id = ?");
    }

    /** Tells the threads at places {@code from} to {@code position-updates} of a queue where they are now. */
    void announceFrom(UUID websiteId, UUID groupId, int from) {
        Object[] args = groupId == null ? new Object[]{websiteId, settings.positionUpdates()} : new Object[]{websiteId, groupId, settings.positionUpdates()};
        List<Waiting> front = sql.list(inQueue(FRONT, groupId), QueuePositions::waiting, args);
        for (int place = from; place <= front.size(); place++) {
            publish(websiteId, groupId, front.get(place - 1), place);
        }
    }

    private void publish(UUID websiteId, UUID groupId, Waiting waiting, int position) {
        events.toConversation(websiteId, waiting.conversationId(), waiting.visitorId(), Assignments.ROUTING, envelope -> envelope
                .setQueuePositionChanged(QueuePositionChanged.newBuilder()
                        .setConversationId(waiting.conversationId().toString())
                        .setThreadId(waiting.threadId().toString())
                        .setGroupId(Objects.toString(groupId, ""))
                        .setPosition(position)));
    }

    private static Waiting waiting(ResultSet row) throws SQLException {
        return new Waiting(row.getObject("id", UUID.class), row.getObject("conversation_id", UUID.class), row.getObject("visitor_id", UUID.class));
    }

    /** Where a waiting thread is: the queue of {@code groupId} (as stored on the thread), at 1-based {@code position}. */
    record Place(UUID groupId, int position) {
    }

    private record Waiting(UUID threadId, UUID conversationId, UUID visitorId) {
    }
}
