package dev.zendo.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.UUID;

/** The JSON of a {@code message:new} frame as Zendo's edge writes it (docs/protocol.md), for the peer to send as is. */
final class EventFrame {

    private EventFrame() {
    }

    static String messageNew(String websiteId, String conversationId, Payload payload) {
        ObjectNode frame = Json.MAPPER.createObjectNode().put("type", "message:new")
                .put("event_id", UUID.randomUUID().toString()).put("website_id", websiteId)
                .put("conversation_id", conversationId).put("seq", payload.index() + 1)
                .put("occurred_at", Instant.now().toString()).put("cursor", "djE6MD0xMywxPTcsMj0w");
        frame.putObject("data").put("message_id", UUID.randomUUID().toString()).put("conversation_id", conversationId)
                .put("seq", Long.toString(payload.index() + 1)).put("kind", "MESSAGE_KIND_TEXT").put("body", payload.text());
        return frame.toString();
    }
}
