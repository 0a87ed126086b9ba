package dev.zendo.conversations.agent;

import dev.zendo.conversations.thread.ThreadStatus;
import dev.zendo.conversations.thread.ThreadView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation as an agent opens it.
 *
 * @param id                 the conversation's id
 * @param visitor            who it is with
 * @param status             its current thread's status ({@code closed} before its first thread)
 * @param thread             its current thread, or null before the first
 * @param agentId            the agent who has (or last had) it, or null
 * @param groupId            the group it is routed in, or null
 * @param lastSeq            the seq of its latest message, 0 before the first
 * @param lastMessageAt      its latest activity
 * @param lastMessagePreview the start of its latest text message, or null
 * @param createdAt          when it was created
 * @param unreadCount        the visitor's messages the caller has not read
 * @param tags               its tags
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ConversationDetails(UUID id, VisitorSummary visitor, ThreadStatus status, @Nullable ThreadView thread,
                                  @Nullable String agentId, @Nullable UUID groupId, long lastSeq, Instant lastMessageAt,
                                  @Nullable String lastMessagePreview, Instant createdAt, long unreadCount,
                                  List<TagSummary> tags) {
}
