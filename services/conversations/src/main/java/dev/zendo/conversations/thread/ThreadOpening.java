package dev.zendo.conversations.thread;

import dev.zendo.conversations.conversation.LockedConversation;
import dev.zendo.conversations.events.AccessBefore;
import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ConversationOpened;
import dev.zendo.platform.jdbc.Sql;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.UUID;

/**
 * Starts a new support session in a conversation whose last thread ended (or that has none): a PENDING thread in the
 * website's default group, queued now, announced with {@code ConversationOpened} and handed to routing with
 * {@link ThreadQueued} once the transaction commits.
 */
@Singleton
public class ThreadOpening {

    private static final String OPEN = """
            WITH t AS (
                INSERT INTO threads (id, conversation_id, website_id, status, group_id, opened_at, queued_at)
                VALUES (?, ?, ?, 'PENDING', ?::uuid, ?, ?) RETURNING id, group_id)
            UPDATE conversations c SET current_thread_id = t.id, status = 'PENDING', group_id = t.group_id,
                agent_id = NULL, updated_at = ?
            FROM t WHERE c.id = ?""";

    private final Sql sql;
    private final SiteEvents events;
    private final ApplicationEventPublisher<ThreadQueued> queued;

    ThreadOpening(Sql sql, SiteEvents events, ApplicationEventPublisher<ThreadQueued> queued) {
        this.sql = sql;
        this.events = events;
        this.queued = queued;
    }

    /** Opens the thread in the caller's transaction, which holds the conversation's lock, and returns its id. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public UUID open(LockedConversation conversation, Actor by, String subject, Instant now) {
        UUID threadId = UUID.randomUUID();
        UUID groupId = conversation.defaultGroupId();
        sql.update(OPEN, threadId, conversation.id(), conversation.websiteId(), groupId, now, now, now, conversation.id());
        events.toConversation(conversation.websiteId(), conversation.id(), conversation.visitorId(), by, AccessBefore.of(conversation),
                e -> e.setConversationOpened(ConversationOpened.newBuilder()
                        .setConversationId(conversation.id().toString())
                        .setVisitorId(conversation.visitorId().toString())
                        .setGroupId(groupId == null ? "" : groupId.toString())
                        .setSubject(subject)
                        .setThreadId(threadId.toString())));
        queued.publishEvent(new ThreadQueued(conversation.websiteId(), conversation.id(), threadId, groupId));
        return threadId;
    }
}
