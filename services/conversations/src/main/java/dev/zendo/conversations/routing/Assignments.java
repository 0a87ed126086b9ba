package dev.zendo.conversations.routing;

import dev.zendo.conversations.events.AccessBefore;
import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.conversations.message.MessageService;
import dev.zendo.conversations.thread.SlotFreed;
import dev.zendo.conversations.thread.ThreadQueued;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.ConversationAssigned;
import dev.zendo.platform.http.ApiException;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way threads get and lose agents. Every change holds the website's routing lock, then the conversation row,
 * then the thread row (in that order), so capacity is never overrun and a thread is never given twice; it keeps the
 * conversation's copy of the current thread in step, publishes {@code ConversationAssigned} and writes the system line
 * that shows the change in the conversation ("Ana joined", "Transferred to Sales"). Callers must not hold
 * a conversation or thread row lock when they call it.
 */
@Singleton
public class Assignments {

    /** Who routing's own changes are attributed to. */
    static final Actor ROUTING = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_SYSTEM).setId("routing").build();

    private static final String THREAD_SITE = "SELECT website_id FROM threads WHERE id = ?";
    private static final String LOCK_CONVERSATION = "SELECT visitor_id FROM conversations WHERE id = (SELECT conversation_id FROM threads WHERE id = ?) FOR UPDATE";
    private static final String LOCK_THREAD = """
            SELECT id, website_id, conversation_id, status, group_id, agent_id, queued_at FROM threads WHERE id = ? FOR UPDATE""";
    private static final String MEMBER = """
            SELECT m.role, m.max_concurrent_chats, coalesce(a.disabled, FALSE) AS disabled
            FROM replica_members m LEFT JOIN replica_agents a ON a.agent_id = m.agent_id
            WHERE m.website_id = ? AND m.agent_id = ?""";
    private static final String ACTIVE_OF_AGENT = """
            SELECT count(*) FROM threads WHERE website_id = ? AND agent_id = ? AND status = 'ACTIVE' AND id <> ?""";
    private static final String GROUP_EXISTS = "SELECT group_id FROM replica_groups WHERE group_id = ? AND website_id = ? AND NOT deleted";
    private static final String GIVE_THREAD = "UPDATE threads SET status = 'ACTIVE', agent_id = ?, assigned_at = ? WHERE id = ?";
    private static final String QUEUE_THREAD = """
            UPDATE threads SET status = 'PENDING', agent_id = NULL, assigned_at = NULL, group_id = ?::uuid, queued_at = ? WHERE id = ?""";
    private static final String COPY_TO_CONVERSATION = """
            UPDATE conversations SET status = ?, agent_id = ?, group_id = ?::uuid, updated_at = ?
            WHERE id = ? AND current_thread_id = ?""";

    private final RoutingJdbc sql;
    private final WebsiteLock websiteLock;
    private final SiteEvents events;
    private final ApplicationEventPublisher<SlotFreed> slotsFreed;
    private final ApplicationEventPublisher<ThreadQueued> threadsQueued;
    private final QueuePositions positions;
    private final MessageService messages;
    private final AssignmentLines lines;
    private final Clock clock;

    Assignments(RoutingJdbc sql, WebsiteLock websiteLock, SiteEvents events, ApplicationEventPublisher<SlotFreed> slotsFreed,
                ApplicationEventPublisher<ThreadQueued> threadsQueued, QueuePositions positions, MessageService messages,
                AssignmentLines lines, Clock clock) {
        this.sql = sql;
        this.websiteLock = websiteLock;
        this.events = events;
        this.slotsFreed = slotsFreed;
        this.threadsQueued = threadsQueued;
        this.positions = positions;
        this.messages = messages;
        this.lines = lines;
        this.clock = clock;
    }

    /**
     * Gives a waiting or active thread to {@code agentId} (a transfer when another agent has it, whose slot is freed).
     * The agent must be a member of the thread's website who is not a viewer and not disabled; with
     * {@code respectCapacity} also under their maximum of concurrent chats. Presence and the agent's accepting state
     * are routing's concern, not a supervisor's.
     *
     * @throws ApiException 404 for an unknown thread, 409 when it is closed or the agent is at capacity, 400 when the
     *                      agent cannot take the website's conversations
     */
    @Transactional
    public void assign(UUID threadId, String agentId, Actor by, boolean respectCapacity) {
        ThreadRow thread = lockOpen(threadId);
        if (agentId.equals(thread.agentId())) {
            return;
        }
        MemberRow member = sql.one(MEMBER, row -> new MemberRow(row.getString("role"), row.getInt("max_concurrent_chats"), row.getBoolean("disabled")),
                        thread.websiteId(), agentId)
                .filter(row -> !"VIEWER".equals(row.role()) && !row.disabled())
                .orElseThrow(() -> ApiException.invalid("agent_id", "must name an agent of this website who may take conversations"));
        if (respectCapacity && activeOf(thread.websiteId(), agentId, threadId) >= member.maxConcurrentChats()) {
            throw ApiException.conflict("agent_at_capacity", "The agent already has as many chats as they may take");
        }
        give(thread, agentId, by);
    }

    /**
     * Puts a waiting or active thread in {@code groupId}'s queue, at its back; the agent who had it gets the slot back,
     * and threads that waited behind it in its former queue move up.
     *
     * @throws ApiException 404 for an unknown thread or a group that is not the website's, 409 when it is closed
     */
    @Transactional
    public void toGroup(UUID threadId, UUID groupId, Actor by) {
        ThreadRow thread = lockOpen(threadId);
        sql.one(GROUP_EXISTS, row -> row.getObject(1, UUID.class), groupId, thread.websiteId())
                .orElseThrow(() -> ApiException.notFound("Group"));
        Optional<QueuePositions.Place> left = positions.place(threadId);
        queue(thread, groupId, clock.instant(), by, lines.toGroup(groupId, thread.agentId()));
        left.ifPresent(place -> positions.announceFrom(thread.websiteId(), place.groupId(), place.position()));
    }

    /**
     * Gives a waiting thread to {@code agentId}, who routing found eligible; the caller holds the website's routing
     * lock. False when the thread stopped waiting meanwhile.
     */
    boolean route(UUID threadId, String agentId) {
        Optional<ThreadRow> thread = lockRows(threadId).filter(row -> "PENDING".equals(row.status()));
        thread.ifPresent(row -> give(row, agentId, ROUTING));
        return thread.isPresent();
    }

    /**
     * Takes an active thread from {@code agentId}, who has been offline too long, back to the front of its group's
     * queue (it keeps the time it was first queued); the caller holds the website's routing lock. False when the
     * thread is no longer that agent's.
     */
    boolean takeBack(UUID threadId, String agentId) {
        Optional<ThreadRow> thread = lockRows(threadId)
                .filter(row -> "ACTIVE".equals(row.status()) && agentId.equals(row.agentId()));
        thread.ifPresent(row -> queue(row, row.groupId(), row.queuedAt() == null ? clock.instant() : row.queuedAt(), ROUTING,
                lines.returned()));
        return thread.isPresent();
    }

    private ThreadRow lockOpen(UUID threadId) {
        UUID websiteId = sql.one(THREAD_SITE, row -> row.getObject(1, UUID.class), threadId)
                .orElseThrow(() -> ApiException.notFound("Thread"));
        websiteLock.lock(websiteId);
        return lockRows(threadId)
                .filter(row -> "PENDING".equals(row.status()) || "ACTIVE".equals(row.status()))
                .orElseThrow(() -> ApiException.conflict("thread_closed", "The thread is closed"));
    }

    private Optional<ThreadRow> lockRows(UUID threadId) {
        Optional<UUID> visitorId = sql.one(LOCK_CONVERSATION, row -> row.getObject(1, UUID.class), threadId);
        return visitorId.flatMap(visitor -> sql.one(LOCK_THREAD, row -> new ThreadRow(
                row.getObject("id", UUID.class), row.getObject("website_id", UUID.class),
                row.getObject("conversation_id", UUID.class), visitor, row.getString("status"),
                row.getObject("group_id", UUID.class), row.getString("agent_id"), RoutingJdbc.instant(row, "queued_at")), threadId));
    }

    private long activeOf(UUID websiteId, String agentId, UUID exceptThreadId) {
        return sql.one(ACTIVE_OF_AGENT, row -> row.getLong(1), websiteId, agentId, exceptThreadId).orElse(0L);
    }

    private void give(ThreadRow thread, String agentId, Actor by) {
        Instant now = clock.instant();
        sql.update(GIVE_THREAD, agentId, now, thread.id());
        sql.update(COPY_TO_CONVERSATION, "ACTIVE", agentId, thread.groupId(), now, thread.conversationId(), thread.id());
        announce(thread, agentId, thread.groupId(), by);
        messages.system(thread.websiteId(), thread.conversationId(), lines.toAgent(agentId, thread.agentId(), by), by);
        freeSlotOf(thread);
    }

    private void queue(ThreadRow thread, UUID groupId, Instant queuedAt, Actor by, String line) {
        Instant now = clock.instant();
        sql.update(QUEUE_THREAD, groupId, queuedAt, thread.id());
        sql.update(COPY_TO_CONVERSATION, "PENDING", null, groupId, now, thread.conversationId(), thread.id());
        announce(thread, null, groupId, by);
        messages.system(thread.websiteId(), thread.conversationId(), line, by);
        freeSlotOf(thread);
        threadsQueued.publishEvent(new ThreadQueued(thread.websiteId(), thread.conversationId(), thread.id(), groupId));
    }

    private void announce(ThreadRow thread, String agentId, UUID groupId, Actor by) {
        AccessBefore before = new AccessBefore(thread.agentId(), "PENDING".equals(thread.status()));
        events.toConversation(thread.websiteId(), thread.conversationId(), thread.visitorId(), by, before, envelope -> envelope
                .setConversationAssigned(ConversationAssigned.newBuilder()
                        .setConversationId(thread.conversationId().toString())
                        .setThreadId(thread.id().toString())
                        .setAgentId(Objects.toString(agentId, ""))
                        .setPreviousAgentId(Objects.toString(thread.agentId(), ""))
                        .setGroupId(Objects.toString(groupId, ""))));
    }

    private void freeSlotOf(ThreadRow thread) {
        if (thread.agentId() != null) {
            slotsFreed.publishEvent(new SlotFreed(thread.websiteId(), thread.agentId()));
        }
    }

    private record ThreadRow(UUID id, UUID websiteId, UUID conversationId, UUID visitorId, String status, UUID groupId,
                             String agentId, Instant queuedAt) {
    }

    private record MemberRow(String role, int maxConcurrentChats, boolean disabled) {
    }
}
