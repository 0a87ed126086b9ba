package dev.zendo.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Zendo realtime client (docs/protocol.md): {@code auth} with a token, {@code subscribe} to one website (from the
 * receiver's last cursor after a reconnect), a {@code ping} every 25 s; text {@code message:new} events carry a
 * {@link Payload} in {@code data.body}; other events (system messages, lifecycle, presence) are counted apart;
 * control frames keep the cursor.
 */
final class ZendoSession extends ClientSession {

    private static final long PING_SECONDS = 25;
    private static final String TEXT = "MESSAGE_KIND_TEXT";
    private static final Set<String> CONTROL = Set.of("pong", "unsubscribed", "resync", "reconnect");

    private final String token;
    private final String websiteId;

    ZendoSession(Receiver receiver, Tally tally, Lifecycle lifecycle, String token, String websiteId) {
        super(receiver, tally, lifecycle);
        this.token = token;
        this.websiteId = websiteId;
    }

    @Override
    protected void upgraded(ChannelHandlerContext ctx) {
        send(ctx, Json.MAPPER.createObjectNode().put("type", "auth").put("v", 1).put("token", token));
        ctx.executor().scheduleAtFixedRate(() -> ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"ping\"}")),
                PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    protected void text(ChannelHandlerContext ctx, String text) throws IOException {
        JsonNode frame = parse(text);
        String type = required(frame, "type");
        switch (type) {
            case "ready" -> {
                receiver.ready(System.nanoTime());
                var subscribe = Json.MAPPER.createObjectNode().put("type", "subscribe").put("website_id", websiteId);
                String cursor = receiver.cursor();
                if (cursor != null) {
                    subscribe.put("cursor", cursor);
                }
                send(ctx, subscribe);
            }
            case "subscribed" -> {
                receiver.cursor(required(frame, "cursor"));
                markSubscribed();
            }
            case "heartbeat" -> receiver.cursor(frame.path("cursors").path(websiteId).asText(null));
            case "message:new" -> {
                if (TEXT.equals(frame.path("data").path("kind").asText())) {
                    deliver(required(frame.path("data"), "body"));
                } else {
                    tally.otherEvent();
                }
                receiver.cursor(required(frame, "cursor"));
            }
            case "error" -> tally.fail("error " + frame.path("code").asText(), text);
            default -> {
                if (type.contains(":")) {
                    tally.otherEvent();
                    receiver.cursor(frame.path("cursor").asText(null));
                } else if (!CONTROL.contains(type)) {
                    tally.fail("unknown frame type " + type, text);
                }
            }
        }
    }

    private static String required(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("no text field " + field);
        }
        return value.asText();
    }

    private static void send(ChannelHandlerContext ctx, JsonNode frame) {
        ctx.writeAndFlush(new TextWebSocketFrame(frame.toString()));
    }
}
