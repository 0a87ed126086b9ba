package dev.zendo.conversations.message;

import dev.zendo.conversations.conversation.LockedConversation;
import dev.zendo.conversations.events.SiteEvents;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.LeftOffline;
import dev.zendo.events.v1.MessageCreated;
import dev.zendo.outbox.Events;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Announces stored messages: notes to the website's agents only, everything else to the visitor as well; a message
 * left through the offline form says so, with the name and email left with it.
 */
@Singleton
class MessageEvents {

    private final SiteEvents events;

    MessageEvents(SiteEvents events) {
        this.events = events;
    }

    void created(LockedConversation conversation, MessageView message, Actor actor, @Nullable OfflineForm offlineForm) {
        MessageCreated.Builder created = MessageCreated.newBuilder()
                .setMessageId(message.id().toString())
                .setConversationId(message.conversationId().toString())
                .setThreadId(message.threadId().toString())
                .setSeq(message.seq())
                .setAuthor(message.author().toActor())
                .setKind(message.kind().toEvent())
                .setBody(message.body())
                .setCreatedAt(Events.timestamp(message.createdAt()));
        if (message.clientMsgId() != null) {
            created.setClientMsgId(message.clientMsgId());
        }
        if (message.author().name() != null) {
            created.setAuthorName(message.author().name());
        }
        if (offlineForm != null) {
            LeftOffline.Builder left = LeftOffline.newBuilder().setEmail(offlineForm.email());
            if (offlineForm.name() != null) {
                left.setName(offlineForm.name());
            }
            created.setLeftOffline(left);
        }
        if (message.kind() == MessageKind.NOTE) {
            events.toAgents(conversation.websiteId(), conversation.id(), conversation.visitorId(), actor,
                    e -> e.setMessageCreated(created));
        } else {
            events.toConversation(conversation.websiteId(), conversation.id(), conversation.visitorId(), actor,
                    e -> e.setMessageCreated(created));
        }
    }
}
