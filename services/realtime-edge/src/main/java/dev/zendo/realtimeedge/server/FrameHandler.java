package dev.zendo.realtimeedge.server;

import dev.zendo.realtimeedge.config.RealtimeSettings;
import dev.zendo.realtimeedge.connection.CloseCode;
import dev.zendo.realtimeedge.connection.Connection;
import dev.zendo.realtimeedge.fanout.SiteFeed;
import dev.zendo.realtimeedge.metrics.EdgeMetrics;
import dev.zendo.realtimeedge.session.ClientFrames;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * The one shared handler after the WebSocket handshake: registers upgraded connections, applies the inbound rate limit
 * (4429) and the text-only rule (4400: binary, fragmented or not UTF-8), hands text frames to {@link ClientFrames},
 * tells the site feed when a client has drained its outbound buffer, and forgets closed connections. Requests to other
 * paths get 404.
 */
@Singleton
@ChannelHandler.Sharable
public class FrameHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(FrameHandler.class);

    private final Connections connections;
    private final ClientFrames frames;
    private final SiteFeed feed;
    private final EdgeMetrics metrics;
    private final int perSecond;
    private final int burst;

    FrameHandler(Connections connections, ClientFrames frames, SiteFeed feed, EdgeMetrics metrics, RealtimeSettings settings) {
        this.connections = connections;
        this.frames = frames;
        this.feed = feed;
        this.metrics = metrics;
        this.perSecond = settings.rateFramesPerSecond();
        this.burst = settings.rateBurst();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
            connections.opened(ctx.channel(), handshake.requestHeaders().get(HttpHeaderNames.ORIGIN));
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (message instanceof FullHttpRequest) {
                ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            Connection connection = Connection.of(ctx.channel());
            if (!(message instanceof WebSocketFrame frame) || connection == null || connection.closing()) {
                return;
            }
            if (!(frame instanceof TextWebSocketFrame text) || !frame.isFinalFragment()
                    || !ByteBufUtil.isText(text.content(), StandardCharsets.UTF_8)) {
                connection.close(CloseCode.PROTOCOL);
                return;
            }
            if (!connection.admitFrame(System.nanoTime(), perSecond, burst)) {
                connection.close(CloseCode.RATE_LIMITED);
                return;
            }
            metrics.frameIn();
            frames.handle(connection, text.text());
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        Connection connection = Connection.of(ctx.channel());
        if (connection != null && ctx.channel().isWritable()) {
            feed.writable(connection);
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Connection connection = Connection.of(ctx.channel());
        if (connection != null) {
            connections.closed(connection);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Connection connection = Connection.of(ctx.channel());
        if (connection != null && (cause instanceof CorruptedFrameException || cause instanceof TooLongFrameException)) {
            connection.close(CloseCode.PROTOCOL);
            return;
        }
        LOG.debug("Closing {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
