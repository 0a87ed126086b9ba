package dev.zendo.notifications.missedreply;

import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.MessageCreated;
import dev.zendo.events.v1.MessageKind;
import dev.zendo.notifications.NotificationsSettings;
import dev.zendo.notifications.SiteEventHandler;
import dev.zendo.notifications.replica.Visitors;
import dev.zendo.notifications.routing.Sources;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import static dev.zendo.inbox.EventFields.required;
import static dev.zendo.inbox.EventFields.uuid;

/**
 * Follows what visitors have not read: keeps the visitors' details, each agent's text reply until the visitor reads
 * it (a visitor's ReadUpTo covering its seq) or {@link DigestSweep} mails it after the configured delay.
 */
@Singleton
class MissedReplies implements SiteEventHandler {

    private final NotificationsSettings settings;
    private final MissedReplySettings missedReply;
    private final Visitors visitors;
    private final PendingReplies replies;

    MissedReplies(NotificationsSettings settings, MissedReplySettings missedReply, Visitors visitors, PendingReplies replies) {
        this.settings = settings;
        this.missedReply = missedReply;
        this.visitors = visitors;
        this.replies = replies;
    }

    @Override
    public NotificationsSettings settings() {
        return settings;
    }

    @Override
    public void handle(Envelope event, Connection connection) throws SQLException {
        switch (event.getPayloadCase()) {
            case VISITOR_CREATED -> {
                var created = event.getVisitorCreated();
                visitors.upsert(connection, required("visitor_id", created.getVisitorId()), uuid("website_id", event.getWebsiteId()),
                        created.getName(), created.getEmail());
            }
            case VISITOR_UPDATED -> {
                var updated = event.getVisitorUpdated();
                visitors.upsert(connection, required("visitor_id", updated.getVisitorId()), uuid("website_id", event.getWebsiteId()),
                        updated.getName(), updated.getEmail());
            }
            case MESSAGE_CREATED -> created(event, connection);
            case READ_UP_TO -> {
                var read = event.getReadUpTo();
                if (read.getReader().getKind() == ActorKind.ACTOR_KIND_VISITOR) {
                    replies.read(connection, required("conversation_id", read.getConversationId()), read.getSeq());
                }
            }
            default -> {
            }
        }
    }

    private void created(Envelope event, Connection connection) throws SQLException {
        MessageCreated message = event.getMessageCreated();
        if (message.getAuthor().getKind() != ActorKind.ACTOR_KIND_AGENT || message.getKind() != MessageKind.MESSAGE_KIND_TEXT
                || !event.hasVisitorId() || event.getVisitorId().isBlank()) {
            return;
        }
        Instant createdAt = message.hasCreatedAt() ? Sources.instant(message.getCreatedAt()) : Sources.occurredAt(event);
        replies.add(connection, uuid("website_id", event.getWebsiteId()), event.getVisitorId(),
                new PendingReplies.Reply(required("message_id", message.getMessageId()),
                        required("conversation_id", message.getConversationId()), message.getSeq(), message.getAuthorName(),
                        message.getBody(), createdAt),
                createdAt.plus(missedReply.delay()));
    }
}
