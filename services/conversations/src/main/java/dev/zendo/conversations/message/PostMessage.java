package dev.zendo.conversations.message;

import java.util.UUID;

/**
 * A message to store in a conversation.
 *
 * @param websiteId      the website the conversation must belong to
 * @param conversationId the conversation
 * @param author         who writes it (a visitor writes only {@code TEXT}; {@code SYSTEM} goes through
 *                       {@link MessageService#system})
 * @param kind           {@code TEXT} or {@code NOTE}
 * @param clientMsgId    the client's id for retries, or null
 * @param body           the text as sent; it is sanitised before it is stored
 */
public record PostMessage(UUID websiteId, UUID conversationId, Author author, MessageKind kind, String clientMsgId,
                          String body) {
}
