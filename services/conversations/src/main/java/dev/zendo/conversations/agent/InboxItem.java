package dev.zendo.conversations.agent;

import dev.zendo.conversations.thread.ThreadStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation in an inbox list.
 *
 * @param id                 the conversation's id
 * @param visitor            who it is with
 * @param status             its current thread's status: pending, active, resolved or closed
 * @param threadId           its current thread
 * @param agentId            the agent who has (or last had) it, or null
 * @param groupId            the group it is routed in, or null
 * @param lastMessageAt      its latest activity; lists are ordered by it, newest first
 * @param lastMessagePreview the start of its latest text message, or null
 * @param unreadCount        the visitor's messages the caller has not read
 * @param tags               its tags
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record InboxItem(UUID id, VisitorSummary visitor, ThreadStatus status, UUID threadId, @Nullable String agentId,
                        @Nullable UUID groupId, Instant lastMessageAt, @Nullable String lastMessagePreview,
                        long unreadCount, List<TagSummary> tags) {
}
