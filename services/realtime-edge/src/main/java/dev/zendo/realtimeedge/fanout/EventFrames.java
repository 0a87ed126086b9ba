package dev.zendo.realtimeedge.fanout;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.PresenceStatus;
import dev.zendo.realtimeedge.connection.Frames;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.time.Instant;

/** Turns website-topic events into event frames (docs/protocol.md, "Server → client: events"), each encoded once. */
public final class EventFrames {

    private static final JsonFormat.Printer DATA = JsonFormat.printer().preservingProtoFieldNames()
            .omittingInsignificantWhitespace();

    private EventFrames() {
    }

    /** The frame type of an event, null for events clients never get. */
    public static String type(Envelope event) {
        return switch (event.getPayloadCase()) {
            case MESSAGE_CREATED -> "message:new";
            case CONVERSATION_OPENED -> "conversation:open";
            case CONVERSATION_CLOSED -> "conversation:close";
            case CONVERSATION_REOPENED -> "conversation:reopen";
            case CONVERSATION_ASSIGNED -> "conversation:assign";
            case CONVERSATION_TAGGED -> "conversation:tags";
            case THREAD_RATED -> "conversation:rated";
            case QUEUE_POSITION_CHANGED -> "queue:position";
            case READ_UP_TO -> "message:read";
            case VISITOR_CREATED -> "visitor:new";
            case VISITOR_UPDATED -> "visitor:update";
            case VISITOR_MERGED -> "visitor:merge";
            case TAG_CHANGED -> "tag:change";
            case TYPING_CHANGED -> event.getTypingChanged().getTyping() ? "typing:start" : "typing:stop";
            case PRESENCE_CHANGED -> presence(event.getPresenceChanged().getStatus());
            default -> null;
        };
    }

    /** The frame of {@code event} of type {@code type}, carrying {@code cursor}. */
    public static TextWebSocketFrame encode(Envelope event, String type, String cursor) {
        String data = data(event);
        return Frames.frame(type, json -> {
            json.writeStringField("event_id", event.getEventId());
            json.writeStringField("website_id", event.getWebsiteId());
            if (event.hasConversationId()) {
                json.writeStringField("conversation_id", event.getConversationId());
            }
            long seq = seq(event);
            if (seq > 0) {
                json.writeNumberField("seq", seq);
            }
            json.writeStringField("occurred_at", Frames.time(occurredAt(event)));
            json.writeStringField("cursor", cursor);
            json.writeFieldName("data");
            json.writeRawValue(data);
        });
    }

    /** When the event happened. */
    public static Instant occurredAt(Envelope event) {
        return Instant.ofEpochSecond(event.getOccurredAt().getSeconds(), event.getOccurredAt().getNanos());
    }

    private static long seq(Envelope event) {
        return switch (event.getPayloadCase()) {
            case MESSAGE_CREATED -> event.getMessageCreated().getSeq();
            case READ_UP_TO -> event.getReadUpTo().getSeq();
            default -> 0;
        };
    }

    private static String data(Envelope event) {
        FieldDescriptor field = Envelope.getDescriptor().findFieldByNumber(event.getPayloadCase().getNumber());
        try {
            return DATA.print((Message) event.getField(field));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("cannot print event " + event.getEventId() + ": " + e.getMessage(), e);
        }
    }

    private static String presence(PresenceStatus status) {
        return switch (status) {
            case PRESENCE_STATUS_ONLINE -> "agent:online";
            case PRESENCE_STATUS_AWAY -> "agent:away";
            case PRESENCE_STATUS_OFFLINE -> "agent:offline";
            default -> null;
        };
    }
}
