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
import java.util.function.Function;

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

    /**
     * Opens a new socket to {@code uri} for {@code receiver} after the dashboard's backoff from {@code baseMillis} (at
     * once for 0), recording when the attempt starts; {@code session} makes the socket's session.
     */
    void reopen(URI uri, Receiver receiver, int baseMillis, Function<Receiver, ClientSession> session) {
        long delay = Backoff.millis(baseMillis, receiver.nextAttempt());
        Runnable attempt = () -> {
            receiver.connecting(System.nanoTime());
            open(uri, session.apply(receiver));
        };
        if (delay <= 0) {
            attempt.run();
        } else {
            group.schedule(attempt, delay, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully().syncUninterruptibly();
    }
}
