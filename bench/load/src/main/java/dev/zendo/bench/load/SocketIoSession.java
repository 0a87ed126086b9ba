package dev.zendo.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.io.IOException;

/**
 * A socket.io 4 client over a plain WebSocket ({@code /socket.io/?EIO=4&transport=websocket}), the part of
 * Engine.IO v4 and the Socket.IO v5 protocol the peer needs. Engine.IO packets are one text frame each, a digit then
 * data: {@code 0} open (JSON handshake), {@code 1} close, {@code 2} ping (answered {@code 3} pong), {@code 4} message.
 * A message carries a Socket.IO packet: {@code 0} connect ({@code 40} asks for the main namespace, the server answers
 * {@code 40{"sid":…}}), {@code 2} event ({@code 42["name",arg]}), {@code 4} connect error. The peer server
 * (bench/peer-socketio) joins each socket to its room and emits {@code subscribed}, then {@code event} with one
 * string argument: a frame shaped like Zendo's {@code message:new}, whose {@code data.body} is a {@link Payload}.
 */
final class SocketIoSession extends ClientSession {

    SocketIoSession(Receiver receiver, Tally tally, Lifecycle lifecycle) {
        super(receiver, tally, lifecycle);
    }

    @Override
    protected void upgraded(ChannelHandlerContext ctx) {
        // The server speaks first: its open packet.
    }

    @Override
    protected void text(ChannelHandlerContext ctx, String text) throws IOException {
        if (text.isEmpty()) {
            throw new IOException("empty Engine.IO packet");
        }
        switch (text.charAt(0)) {
            case '0' -> {
                if (!parse(text.substring(1)).path("sid").isTextual()) {
                    throw new IOException("an open packet without sid");
                }
                ctx.writeAndFlush(new TextWebSocketFrame("40"));
            }
            case '2' -> {
                if (text.length() != 1) {
                    throw new IOException("a ping with data");
                }
                ctx.writeAndFlush(new TextWebSocketFrame("3"));
            }
            case '4' -> message(text);
            case '1' -> ctx.close();
            default -> throw new IOException("unknown Engine.IO packet type");
        }
    }

    private void message(String text) throws IOException {
        if (text.startsWith("40")) {
            if (!parse(text.substring(2)).path("sid").isTextual()) {
                throw new IOException("a connect packet without sid");
            }
            receiver.ready(System.nanoTime());
        } else if (text.startsWith("42")) {
            JsonNode event = parse(text.substring(2));
            if (!event.isArray() || !event.path(0).isTextual()) {
                throw new IOException("an event that is not [name, ...]");
            }
            switch (event.get(0).asText()) {
                case "subscribed" -> markSubscribed();
                case "event" -> {
                    JsonNode frame = parse(event.path(1).asText());
                    JsonNode body = frame.path("data").get("body");
                    if (body == null || !body.isTextual()) {
                        throw new IOException("an event without data.body");
                    }
                    deliver(body.asText());
                }
                default -> throw new IOException("unknown event " + event.get(0).asText());
            }
        } else if (text.startsWith("44")) {
            tally.fail("socket.io connect error", text);
        } else {
            throw new IOException("unknown Socket.IO packet");
        }
    }
}
