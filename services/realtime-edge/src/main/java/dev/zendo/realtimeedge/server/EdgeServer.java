package dev.zendo.realtimeedge.server;

import dev.zendo.realtimeedge.config.WsSettings;
import io.micronaut.context.annotation.Context;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The edge's plain Netty WebSocket server on {@code zendo.realtime.ws.port}, started with the Micronaut context and
 * drained when it stops: no new connections, {@code reconnect} to every client, 4001 after the drain timeout.
 */
@Context
public class EdgeServer {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);
    private static final int BACKLOG = 4096;
    /**
     * One read buffer size for every socket, shared: clients send small frames, and a fixed size needs no per-socket
     * sizing state (a larger frame takes several reads).
     */
    private static final FixedRecvByteBufAllocator READS = new FixedRecvByteBufAllocator(2048);

    private final Connections connections;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;

    EdgeServer(WsSettings ws, EdgeInitializer initializer, Connections connections) throws InterruptedException {
        this.connections = connections;
        boolean epoll = ws.nativeTransport() && Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.boss = new MultiThreadIoEventLoopGroup(1, io);
        this.workers = new MultiThreadIoEventLoopGroup(io);
        this.server = new ServerBootstrap()
                .group(boss, workers)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, BACKLOG)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.RCVBUF_ALLOCATOR, READS)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(ws.writeBufferLow(), ws.writeBufferHigh()))
                .childHandler(initializer)
                .bind(ws.port()).sync().channel();
        connections.startSweep(workers);
        LOG.info("WebSocket server listening on port {} at {} ({})", port(), EdgeInitializer.PATH, epoll ? "epoll" : "nio");
    }

    /** The port the server listens on (the configured one, or the one picked for port 0). */
    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        server.close().sync();
        connections.drain();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
    }
}
