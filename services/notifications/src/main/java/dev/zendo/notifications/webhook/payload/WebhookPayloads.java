package dev.zendo.notifications.webhook.payload;

import com.google.protobuf.Timestamp;
import dev.zendo.events.v1.Actor;
import dev.zendo.events.v1.ActorKind;
import dev.zendo.events.v1.ConversationAssigned;
import dev.zendo.events.v1.ConversationClosed;
import dev.zendo.events.v1.ConversationOpened;
import dev.zendo.events.v1.ConversationReopened;
import dev.zendo.events.v1.ConversationTagged;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.MessageCreated;
import dev.zendo.events.v1.MessageKind;
import dev.zendo.events.v1.ThreadRated;
import dev.zendo.events.v1.VisitorCreated;
import dev.zendo.events.v1.VisitorUpdated;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a website event into the JSON body webhooks deliver ({@link WebhookBody}), with a documented {@code data} per
 * type built from the protobuf payload: snake_case, empty protobuf strings as null, no secrets.
 */
@Singleton
public class WebhookPayloads {

    private static final Argument<Map<String, Object>> ATTRIBUTES = Argument.mapOf(String.class, Object.class);

    private final ObjectMapper json;

    WebhookPayloads(ObjectMapper json) {
        this.json = json;
    }

    /** The event's type as its payload names it ({@code message_created} is {@code message.created}), whatever its type field says. */
    public static String type(Envelope event) {
        return event.getPayloadCase().name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }

    /** The body for {@code event}; empty for a payload no webhook receives. */
    public Optional<String> body(Envelope event, UUID eventId, UUID websiteId) {
        return data(event).map(data -> write(new WebhookBody(eventId, type(event), instant(event.getOccurredAt()), websiteId, data)));
    }

    private Optional<Object> data(Envelope event) {
        return Optional.ofNullable(switch (event.getPayloadCase()) {
            case MESSAGE_CREATED -> message(event.getMessageCreated());
            case CONVERSATION_OPENED -> opened(event.getConversationOpened());
            case CONVERSATION_ASSIGNED -> assigned(event.getConversationAssigned());
            case CONVERSATION_CLOSED -> closed(event.getConversationClosed());
            case CONVERSATION_REOPENED -> reopened(event.getConversationReopened());
            case CONVERSATION_TAGGED -> tagged(event.getConversationTagged());
            case THREAD_RATED -> rated(event.getThreadRated());
            case VISITOR_CREATED -> visitor(event.getVisitorCreated());
            case VISITOR_UPDATED -> visitor(event.getVisitorUpdated());
            default -> null;
        });
    }

    private static EventData.Message message(MessageCreated m) {
        Actor author = m.getAuthor();
        return new EventData.Message(m.getMessageId(), m.getConversationId(), text(m.getThreadId()), m.getSeq(), kind(m.getKind()),
                m.getBody(), new EventData.Author(kind(author.getKind()), text(author.getId()), text(m.getAuthorName())),
                m.hasCreatedAt() ? instant(m.getCreatedAt()) : null);
    }

    private static EventData.ConversationOpened opened(ConversationOpened o) {
        return new EventData.ConversationOpened(o.getConversationId(), text(o.getThreadId()), text(o.getVisitorId()),
                text(o.getGroupId()), text(o.getSubject()));
    }

    private static EventData.ConversationAssigned assigned(ConversationAssigned a) {
        return new EventData.ConversationAssigned(a.getConversationId(), text(a.getThreadId()), text(a.getAgentId()),
                text(a.getPreviousAgentId()), text(a.getGroupId()));
    }

    private static EventData.ConversationClosed closed(ConversationClosed c) {
        return new EventData.ConversationClosed(c.getConversationId(), text(c.getThreadId()),
                c.hasClosedBy() ? party(c.getClosedBy()) : null, c.getResolved(), text(c.getReason()));
    }

    private static EventData.ConversationReopened reopened(ConversationReopened r) {
        return new EventData.ConversationReopened(r.getConversationId(), text(r.getThreadId()),
                r.hasReopenedBy() ? party(r.getReopenedBy()) : null);
    }

    private static EventData.ConversationTagged tagged(ConversationTagged t) {
        return new EventData.ConversationTagged(t.getConversationId(), List.copyOf(t.getTagIdsList()),
                List.copyOf(t.getAddedTagIdsList()), List.copyOf(t.getRemovedTagIdsList()));
    }

    private static EventData.ThreadRated rated(ThreadRated r) {
        return new EventData.ThreadRated(r.getConversationId(), text(r.getThreadId()), r.getRating(), text(r.getComment()));
    }

    private EventData.Visitor visitor(VisitorCreated v) {
        return new EventData.Visitor(v.getVisitorId(), text(v.getLabel()), text(v.getName()), text(v.getEmail()), text(v.getPhone()),
                text(v.getExternalId()), attributes(v.getAttributesJson()));
    }

    private EventData.Visitor visitor(VisitorUpdated v) {
        return new EventData.Visitor(v.getVisitorId(), text(v.getLabel()), text(v.getName()), text(v.getEmail()), text(v.getPhone()),
                text(v.getExternalId()), attributes(v.getAttributesJson()));
    }

    private static EventData.Party party(Actor actor) {
        return new EventData.Party(kind(actor.getKind()), text(actor.getId()));
    }

    /** The visitor's custom attributes; an empty object when the event carries none (or no JSON object). */
    private Map<String, Object> attributes(String attributesJson) {
        if (attributesJson.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, Object> attributes = json.readValue(attributesJson, ATTRIBUTES);
            return attributes == null ? Map.of() : attributes;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static String kind(ActorKind kind) {
        return switch (kind) {
            case ACTOR_KIND_AGENT -> "agent";
            case ACTOR_KIND_VISITOR -> "visitor";
            case ACTOR_KIND_BOT -> "bot";
            default -> "system";
        };
    }

    private static String kind(MessageKind kind) {
        return switch (kind) {
            case MESSAGE_KIND_NOTE -> "note";
            case MESSAGE_KIND_SYSTEM -> "system";
            default -> "text";
        };
    }

    private static String text(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private String write(WebhookBody body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
