package dev.zendo.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Netty WebSocket client sockets on a few event-loop threads, each opened from the next source address. */
final class Sockets implements AutoCloseable {

    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_FRAME = 1 << 20;

    private final EventLoopGroup group;
    private final SourceAddresses sources;

    Sockets(int threads, SourceAddresses sources) {
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.sources = sources;
    }

    /** Opens a socket to {@code uri} whose frames {@code session} handles; close frames reach the session too. */
    ChannelFuture open(URI uri, ClientSession session) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                .customHeaders(new DefaultHttpHeaders()).handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
                .maxFramePayloadLength(MAX_FRAME).handleCloseFrames(false).build();
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, HANDSHAKE_TIMEOUT_MILLIS)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                new WebSocketClientProtocolHandler(config), session);
                    }
                })
                .connect(new InetSocketAddress(uri.getHost(), uri.getPort()), sources.next())
                .addListener(future -> {
                    if (!future.isSuccess()) {
                        session.connectFailed(future.cause());
                    }
                });
    }

    /** Runs {@code task} on one of the sockets' threads {@code delayMillis} from now, or here at once for 0. */
    void later(long delayMillis, Runnable task) {
        if (delayMillis <= 0) {
            task.run();
        } else {
            group.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully().syncUninterruptibly();
    }
}
