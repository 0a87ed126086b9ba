package dev.zendo.bench.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.AttributeKey;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive HTTP/1.1 connections on one Netty event loop for the fixed-rate REST senders: a request takes an idle
 * connection, or opens one when none is idle (so there are as many as requests in flight at most), and the connection
 * goes back to the pool with its answer. A request unanswered for 10 s fails. The JDK's HttpClient cost the generator
 * more CPU per request than the gateway spent, CPU the server under test did not get on a small machine.
 */
final class RestConnections implements AutoCloseable {

    /**
     * An HTTP answer.
     *
     * @param status its status code
     * @param body   its body as UTF-8 text
     */
    record Answer(int status, String body) {
    }

    private static final int TIMEOUT_SECONDS = 10;
    private static final AttributeKey<CompletableFuture<Answer>> PENDING = AttributeKey.valueOf("pending");

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ConcurrentLinkedQueue<Channel> idle = new ConcurrentLinkedQueue<>();
    private final Bootstrap bootstrap;
    private final String host;

    RestConnections(URI base) {
        host = base.getAuthority();
        bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .remoteAddress(new InetSocketAddress(base.getHost(), base.getPort()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, TIMEOUT_SECONDS * 1000)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new ReadTimeoutHandler(TIMEOUT_SECONDS), new HttpClientCodec(),
                                new HttpObjectAggregator(1 << 20), new Answers());
                    }
                });
    }

    /** POSTs {@code body} (JSON) to {@code path} with {@code headers}; completes with the answer, or exceptionally. */
    CompletableFuture<Answer> post(String path, Map<String, String> headers, byte[] body) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path, Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.HOST, host).set(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        headers.forEach(request.headers()::set);
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Channel channel;
        while ((channel = idle.poll()) != null && !channel.isActive()) {
            channel.close();
        }
        if (channel != null) {
            send(channel, request, answer);
        } else {
            bootstrap.connect().addListener((ChannelFutureListener) connected -> {
                if (connected.isSuccess()) {
                    send(connected.channel(), request, answer);
                } else {
                    request.release();
                    answer.completeExceptionally(connected.cause());
                }
            });
        }
        return answer;
    }

    private static void send(Channel channel, FullHttpRequest request, CompletableFuture<Answer> answer) {
        channel.attr(PENDING).set(answer);
        channel.writeAndFlush(request).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                fail(channel, written.cause());
            }
        });
    }

    private static void fail(Channel channel, Throwable cause) {
        CompletableFuture<Answer> answer = channel.attr(PENDING).getAndSet(null);
        channel.close();
        if (answer != null) {
            answer.completeExceptionally(cause);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Completes each connection's pending request with its answer and puts the connection back, or drops it. */
    private final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            CompletableFuture<Answer> answer = ctx.channel().attr(PENDING).getAndSet(null);
            Answer received = new Answer(response.status().code(), response.content().toString(StandardCharsets.UTF_8));
            if (HttpUtil.isKeepAlive(response)) {
                idle.offer(ctx.channel());
            } else {
                ctx.close();
            }
            if (answer != null) {
                answer.complete(received);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(ctx.channel(), new IOException("the server closed the connection"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx.channel(), cause);
        }
    }
}
