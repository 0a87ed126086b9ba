package dev.zendo.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

import java.io.IOException;

/**
 * One client socket of a {@link Receiver}: the protocol's handshake after the upgrade, then its frames, read strictly
 * (a frame the protocol does not define is a counted failure). Its {@link Lifecycle} hears of the upgrade and the
 * close, and decides what follows a close (nothing, or a reconnect).
 */
abstract class ClientSession extends SimpleChannelInboundHandler<WebSocketFrame> {

    protected final Receiver receiver;
    protected final Tally tally;
    private final Lifecycle lifecycle;
    private boolean subscribed;

    ClientSession(Receiver receiver, Tally tally, Lifecycle lifecycle) {
        this.receiver = receiver;
        this.tally = tally;
        this.lifecycle = lifecycle;
    }

    /** The upgrade is done: start the protocol's handshake. */
    protected abstract void upgraded(ChannelHandlerContext ctx);

    /** A text frame of the protocol. */
    protected abstract void text(ChannelHandlerContext ctx, String text) throws IOException;

    protected final void markSubscribed() {
        receiver.subscribed(System.nanoTime());
        if (!subscribed) {
            subscribed = true;
            tally.subscribed();
        }
    }

    protected final void deliver(String body) {
        receiver.delivered(Payload.parse(body), System.nanoTime());
    }

    protected static JsonNode parse(String text) throws IOException {
        JsonNode node = Json.MAPPER.readTree(text);
        if (node == null || !node.isContainerNode()) {
            throw new IOException("not a JSON object or array: " + text);
        }
        return node;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            lifecycle.upgraded(receiver);
            upgraded(ctx);
        } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            tally.fail("upgrade timed out", ctx.channel().toString());
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame textFrame) {
            String text = textFrame.text();
            try {
                text(ctx, text);
            } catch (IOException | RuntimeException e) {
                tally.fail("unreadable frame", text + " (" + e.getMessage() + ")");
            }
        } else if (frame instanceof CloseWebSocketFrame close) {
            tally.fail("closed by the server " + close.statusCode(), close.reasonText());
            ctx.close();
        } else {
            tally.fail("unexpected " + frame.getClass().getSimpleName(), ctx.channel().toString());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        tally.fail(cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
        ctx.close();
    }

    /** The TCP connection could not be made: the socket is lost, as if it closed. */
    void connectFailed(Throwable cause) {
        tally.fail("connect failed: " + cause.getClass().getSimpleName(), String.valueOf(cause.getMessage()));
        tally.lost();
        receiver.lost(System.nanoTime());
        lifecycle.closed(receiver);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (!subscribed) {
            tally.lost();
        }
        receiver.lost(System.nanoTime());
        lifecycle.closed(receiver);
        super.channelInactive(ctx);
    }
}
