package dev.zendo.conversations.thread;

import dev.zendo.conversations.conversation.ConversationLock;
import dev.zendo.conversations.conversation.LockedConversation;
import dev.zendo.conversations.events.AccessBefore;
import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.conversations.message.AuthorKind;
import dev.zendo.conversations.message.MessageService;
import dev.zendo.conversations.message.MessageText;
import dev.zendo.conversations.transcript.TranscriptRequests;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.ConversationClosed;
import dev.zendo.events.v1.ConversationReopened;
import dev.zendo.events.v1.ThreadRated;
import dev.zendo.platform.http.ApiException;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A conversation's threads: the current one, closing (resolved or closed), reopening and rating. Every change keeps the
 * conversation row's copy of the current thread (status, agent, group) in sync, writes a system message and its event in
 * the same transaction, and tells routing when a slot is freed or a thread waits. Locks the conversation row first, then
 * the thread row (see {@link ConversationLock}).
 */
@Singleton
public class ThreadService {

    /** Longest close reason, in code points. */
    public static final int MAX_REASON = 500;
    /** Longest rating comment, in code points. */
    public static final int MAX_COMMENT = 1_000;

    private static final String CURRENT = "SELECT " + prefixed() + " FROM threads t JOIN conversations c ON c.current_thread_id = t.id WHERE c.id = ?";
    private static final String OF_CONVERSATION = "SELECT " + ThreadView.COLUMNS + " FROM threads WHERE conversation_id = ? ORDER BY opened_at DESC, id DESC";
    private static final String LOCK = "SELECT " + ThreadView.COLUMNS + " FROM threads WHERE id = ? AND conversation_id = ? FOR UPDATE";
    private static final String CLOSE = """
            WITH t AS (
                UPDATE threads SET status = ?, closed_at = ?, closed_by_kind = ?, closed_by_id = ?, close_reason = ?
                WHERE id = ? RETURNING status)
            UPDATE conversations c SET status = t.status, updated_at = ? FROM t WHERE c.id = ?""";
    private static final String REOPEN = """
            WITH t AS (
                UPDATE threads SET status = ?, agent_id = ?, queued_at = ?, assigned_at = ?, closed_at = NULL,
                    closed_by_kind = NULL, closed_by_id = NULL, close_reason = NULL
                WHERE id = ? RETURNING status, agent_id)
            UPDATE conversations c SET status = t.status, agent_id = t.agent_id, updated_at = ? FROM t WHERE c.id = ?""";
    private static final String RATE = "UPDATE threads SET rating = ?, rating_comment = ?, rated_at = ? WHERE id = ?";

    private final ConversationLock lock;
    private final Sql sql;
    private final SiteEvents events;
    private final MessageService messages;
    private final ActorNames names;
    private final TranscriptRequests transcripts;
    private final ApplicationEventPublisher<SlotFreed> slotsFreed;
    private final ApplicationEventPublisher<ThreadQueued> queued;
    private final Clock clock;

    ThreadService(ConversationLock lock, Sql sql, SiteEvents events, MessageService messages, ActorNames names,
                  TranscriptRequests transcripts, ApplicationEventPublisher<SlotFreed> slotsFreed, ApplicationEventPublisher<ThreadQueued> queued, Clock clock) {
        this.lock = lock;
        this.sql = sql;
        this.events = events;
        this.messages = messages;
        this.names = names;
        this.transcripts = transcripts;
        this.slotsFreed = slotsFreed;
        this.queued = queued;
        this.clock = clock;
    }

    /** The conversation's latest thread, if it has had one. */
    @Transactional(readOnly = true)
    public Optional<ThreadView> current(UUID conversationId) {
        return sql.one(CURRENT, ThreadView::of, conversationId);
    }

    /** Every thread of the conversation, newest first. */
    @Transactional(readOnly = true)
    public List<ThreadView> all(UUID conversationId) {
        return sql.list(OF_CONVERSATION, ThreadView::of, conversationId);
    }

    /**
     * Ends the current thread: RESOLVED when {@code resolved}, otherwise CLOSED, recording who, why and when.
     * 409 {@code thread_closed} when it already ended, {@code no_thread} before the first thread; 400 naming
     * {@code reason} when it is longer than {@value #MAX_REASON}. The agent who had it gets a {@link SlotFreed}; a
     * transcript the visitor asked for goes out ({@link TranscriptRequests#threadClosed}).
     */
    @Transactional
    public ThreadView close(UUID conversationId, Actor by, boolean resolved, String reason) {
        String why = MessageText.optional(reason, "reason", MAX_REASON);
        LockedConversation conversation = lock.require(conversationId);
        ThreadView thread = lockCurrent(conversation);
        if (!thread.status().open()) {
            throw ApiException.conflict("thread_closed", "The conversation's thread is already closed.");
        }
        Instant now = clock.instant();
        ThreadStatus status = resolved ? ThreadStatus.RESOLVED : ThreadStatus.CLOSED;
        sql.update(CLOSE, status, now, AuthorKind.of(by.getKind()), by.getId().isEmpty() ? null : by.getId(), why, thread.id(),
                now, conversation.id());
        events.toConversation(conversation.websiteId(), conversation.id(), conversation.visitorId(), by, AccessBefore.of(conversation),
                e -> e.setConversationClosed(ConversationClosed.newBuilder()
                        .setConversationId(conversation.id().toString())
                        .setThreadId(thread.id().toString())
                        .setClosedBy(by)
                        .setResolved(resolved)
                        .setReason(why == null ? "" : why)));
        messages.system(conversation.websiteId(), conversation.id(), names.line(resolved ? "Resolved" : "Closed", by), by);
        transcripts.threadClosed(conversation, thread.id(), now);
        if (thread.status() == ThreadStatus.ACTIVE && thread.agentId() != null) {
            slotsFreed.publishEvent(new SlotFreed(conversation.websiteId(), thread.agentId()));
        }
        return reread(thread);
    }

    /**
     * Reopens the current thread after it was resolved or closed. Reopened by an agent, it is ACTIVE with that agent;
     * by anyone else, PENDING in its group's queue (routing gets a {@link ThreadQueued}). 409 {@code thread_open} when
     * it has not ended, {@code no_thread} before the first thread.
     */
    @Transactional
    public ThreadView reopen(UUID conversationId, Actor by) {
        LockedConversation conversation = lock.require(conversationId);
        ThreadView thread = lockCurrent(conversation);
        if (thread.status().open()) {
            throw ApiException.conflict("thread_open", "The conversation's thread is still open.");
        }
        Instant now = clock.instant();
        boolean byAgent = by.getKind() == ActorKind.ACTOR_KIND_AGENT;
        if (byAgent) {
            sql.update(REOPEN, ThreadStatus.ACTIVE, by.getId(), null, now, thread.id(), now, conversation.id());
        } else {
            sql.update(REOPEN, ThreadStatus.PENDING, null, now, null, thread.id(), now, conversation.id());
        }
        events.toConversation(conversation.websiteId(), conversation.id(), conversation.visitorId(), by, AccessBefore.of(conversation),
                e -> e.setConversationReopened(ConversationReopened.newBuilder()
                        .setConversationId(conversation.id().toString())
                        .setThreadId(thread.id().toString())
                        .setReopenedBy(by)));
        messages.system(conversation.websiteId(), conversation.id(), names.line("Reopened", by), by);
        if (!byAgent) {
            queued.publishEvent(new ThreadQueued(conversation.websiteId(), conversation.id(), thread.id(), thread.groupId()));
        }
        return reread(thread);
    }

    /**
     * The visitor rates one of the conversation's ended threads, 1 to 5 with an optional comment. A thread is rated once:
     * the same rating again is accepted and changes nothing, a different one is 409 {@code already_rated}. 404 when the
     * thread is not the conversation's, 409 {@code thread_open} while it is going on, 400 naming {@code rating} or
     * {@code comment}.
     */
    @Transactional
    public ThreadView rate(UUID conversationId, UUID threadId, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw ApiException.invalid("rating", "must be from 1 to 5");
        }
        String text = MessageText.optional(comment, "comment", MAX_COMMENT);
        LockedConversation conversation = lock.require(conversationId);
        ThreadView thread = sql.one(LOCK, ThreadView::of, threadId, conversationId)
                .orElseThrow(() -> ApiException.notFound("Thread"));
        if (thread.status().open()) {
            throw ApiException.conflict("thread_open", "Only a resolved or closed thread can be rated.");
        }
        if (thread.rating() != null) {
            if (thread.rating() == rating && Objects.equals(thread.ratingComment(), text)) {
                return thread;
            }
            throw ApiException.conflict("already_rated", "This thread has already been rated.");
        }
        sql.update(RATE, (short) rating, text, clock.instant(), thread.id());
        Actor visitor = Actor.newBuilder().setKind(ActorKind.ACTOR_KIND_VISITOR).setId(conversation.visitorId().toString()).build();
        events.toConversation(conversation.websiteId(), conversation.id(), conversation.visitorId(), visitor,
                e -> e.setThreadRated(ThreadRated.newBuilder()
                        .setConversationId(conversation.id().toString())
                        .setThreadId(thread.id().toString())
                        .setRating(rating)
                        .setComment(text == null ? "" : text)));
        messages.system(conversation.websiteId(), conversation.id(), "Rated " + rating, visitor);
        return reread(thread);
    }

    private ThreadView lockCurrent(LockedConversation conversation) {
        if (conversation.currentThreadId() == null) {
            throw ApiException.conflict("no_thread", "The conversation has no thread yet.");
        }
        return sql.one(LOCK, ThreadView::of, conversation.currentThreadId(), conversation.id()).orElseThrow();
    }

    private ThreadView reread(ThreadView thread) {
        return sql.one(LOCK, ThreadView::of, thread.id(), thread.conversationId()).orElseThrow();
    }

    private static String prefixed() {
        return "t." + ThreadView.COLUMNS.replace(", ", ", t.");
    }
}
