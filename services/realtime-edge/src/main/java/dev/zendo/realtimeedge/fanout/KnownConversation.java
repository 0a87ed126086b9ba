package dev.zendo.realtimeedge.fanout;

import dev.zendo.events.v1.ConversationAccess;

import java.util.UUID;

/**
 * What the node learned of a conversation from its events: its visitor and who may see it.
 *
 * @param websiteId the conversation's website
 * @param visitorId its visitor, null when no event named one yet
 * @param access    who may see it, as of the latest event
 */
public record KnownConversation(UUID websiteId, UUID visitorId, ConversationAccess access) {
}
