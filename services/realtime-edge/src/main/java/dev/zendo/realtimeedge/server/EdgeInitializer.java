package dev.zendo.realtimeedge.server;

import dev.zendo.realtimeedge.config.RealtimeSettings;
import dev.zendo.realtimeedge.config.WsSettings;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import jakarta.inject.Singleton;

/**
 * The pipeline of a WebSocket connection, as in Netty's websocketx example: HTTP codec and a small aggregator for the
 * upgrade request (the handshake replaces the codec with WebSocket frame codecs and removes the aggregator), the
 * protocol handler (handshake on {@code /ws}, control frames, frame size limit), then the one shared frame handler,
 * which also checks that text frames are UTF-8 (so no per-connection validator is added: fragments are refused anyway).
 */
@Singleton
class EdgeInitializer extends ChannelInitializer<SocketChannel> {

    static final String HTTP_CODEC = "http-codec";
    static final String HTTP_AGGREGATOR = "http-aggregator";
    static final String WEBSOCKET = "websocket";
    static final String FRAMES = "frames";
    static final String PATH = "/ws";
    private static final int MAX_UPGRADE_REQUEST = 8192;
    private static final long FORCE_CLOSE_MILLIS = 3000;

    private final FrameHandler frames;
    private final WebSocketServerProtocolConfig protocol;

    EdgeInitializer(FrameHandler frames, WsSettings ws, RealtimeSettings settings) {
        this.frames = frames;
        this.protocol = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(PATH)
                .checkStartsWith(true)
                .handshakeTimeoutMillis(settings.authTimeout().toMillis())
                .forceCloseTimeoutMillis(FORCE_CLOSE_MILLIS)
                .dropPongFrames(true)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(ws.maxFrameSize())
                        .closeOnProtocolViolation(false)
                        .allowExtensions(false)
                        .withUTF8Validator(false)
                        .build())
                .build();
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(HTTP_CODEC, new HttpServerCodec());
        pipeline.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_UPGRADE_REQUEST));
        pipeline.addLast(WEBSOCKET, new WebSocketServerProtocolHandler(protocol));
        pipeline.addLast(FRAMES, frames);
    }
}
