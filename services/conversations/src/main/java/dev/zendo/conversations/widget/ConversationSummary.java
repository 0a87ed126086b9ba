package dev.zendo.conversations.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import dev.zendo.conversations.message.MessageView;
import dev.zendo.conversations.thread.ThreadStatus;

import java.util.List;
import java.util.UUID;

/**
 * The visitor's conversation with its latest messages.
 *
 * @param id          the conversation's id
 * @param status      its current thread's status; {@code closed} before the first thread
 * @param threadId    its current thread, null before the first
 * @param lastSeq     the seq of its latest message
 * @param unreadCount agents', bots' and system messages the visitor has not marked read
 * @param messages    the latest 50 messages, oldest first (never agents' notes)
 * @param agentReadSeq the highest seq an agent has read, 0 when none has read anything: the visitor's messages up to
 *                     it are read
 * @param agents      the website's agents who wrote one of {@code messages} or are assigned the conversation
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ConversationSummary(UUID id, ThreadStatus status, @Nullable UUID threadId, long lastSeq, long unreadCount,
                                  List<MessageView> messages, long agentReadSeq, List<AgentView> agents) {
}
