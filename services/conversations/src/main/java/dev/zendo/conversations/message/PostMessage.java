package dev.zendo.conversations.message;

import io.micronaut.core.annotation.Nullable;

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
 * @param offlineForm    what the visitor left with the message through the offline form, or null for a chat message
 */
public record PostMessage(UUID websiteId, UUID conversationId, Author author, MessageKind kind, String clientMsgId,
                          String body, @Nullable OfflineForm offlineForm) {

    /** A message written in the chat. */
    public PostMessage(UUID websiteId, UUID conversationId, Author author, MessageKind kind, String clientMsgId, String body) {
        this(websiteId, conversationId, author, kind, clientMsgId, body, null);
    }
}
