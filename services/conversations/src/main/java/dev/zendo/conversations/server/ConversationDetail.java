package dev.zendo.conversations.server;

import dev.zendo.conversations.conversation.ConversationView;
import dev.zendo.conversations.thread.ThreadView;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;

/**
 * A conversation with every thread it has held.
 *
 * @param conversation the conversation, with its current thread's state
 * @param threads      its threads, newest first (ratings included)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record ConversationDetail(ConversationView conversation, List<ThreadView> threads) {
}
