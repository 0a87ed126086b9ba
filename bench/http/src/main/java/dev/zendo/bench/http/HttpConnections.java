package dev.zendo.bench.http;

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
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keep-alive HTTP/1.1 connections to one server on one Netty event loop, the REST client of the load generators: a
 * request takes an idle connection, or opens one when none is idle (so there are at most as many as requests in
 * flight), and the connection goes back to the pool with its answer. A request unanswered within the timeout fails
 * with a {@link TimeoutException} and its connection is closed. Answers complete on the event loop. The JDK's
 * HttpClient cost the generators about 1 ms of CPU per request on this machine, more than the service under test
 * spent on some calls, CPU the services did not get on 2 cores.
 */
public final class HttpConnections implements AutoCloseable {

    /**
     * An HTTP answer.
     *
     * @param status its status code
     * @param body   its body as UTF-8 text
     */
    public record Answer(int status, String body) {
    }

    /**
     * A request.
     *
     * @param method  its method
     * @param path    its path and query, on the connections' server
     * @param headers headers besides {@code Host}, {@code Content-Length} and (with a body) {@code Content-Type: application/json}
     * @param body    its JSON body, empty for none
     */
    public record Request(String method, String path, Map<String, String> headers, byte[] body) {

        /** A GET of {@code path}. */
        public static Request get(String path) {
            return new Request("GET", path, Map.of(), new byte[0]);
        }
    }

    private static final AttributeKey<Pending> PENDING = AttributeKey.valueOf("pending");

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ConcurrentLinkedQueue<Channel> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final Bootstrap bootstrap;
    private final String host;
    private final Duration timeout;

    /** Connections to {@code base}'s host and port, each request failing after {@code timeout} without an answer. */
    public HttpConnections(URI base, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + timeout);
        }
        this.host = base.getAuthority();
        this.timeout = timeout;
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .remoteAddress(new InetSocketAddress(base.getHost(), base.getPort()))
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), new Answers());
                    }
                });
    }

    /** POSTs {@code body} (JSON) to {@code path} with {@code headers}. */
    public CompletableFuture<Answer> post(String path, Map<String, String> headers, byte[] body) {
        return send(new Request("POST", path, headers, body));
    }

    /** Sends {@code request}; completes with its answer, or exceptionally. */
    public CompletableFuture<Answer> send(Request request) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Channel channel;
        while ((channel = idle.poll()) != null && !channel.isActive()) {
            channel.close();
        }
        if (channel != null) {
            send(channel, request, answer);
        } else {
            opened.incrementAndGet();
            bootstrap.connect().addListener((ChannelFutureListener) connected -> {
                if (connected.isSuccess()) {
                    send(connected.channel(), request, answer);
                } else {
                    answer.completeExceptionally(connected.cause());
                }
            });
        }
        return answer;
    }

    /** How long a request may wait for its answer. */
    public Duration timeout() {
        return timeout;
    }

    /** How many connections were opened so far. */
    public int opened() {
        return opened.get();
    }

    private void send(Channel channel, Request request, CompletableFuture<Answer> answer) {
        ScheduledFuture<?> deadline = channel.eventLoop().schedule(
                () -> fail(channel, new TimeoutException("no answer within " + timeout.toMillis() + " ms")), timeout.toNanos(), TimeUnit.NANOSECONDS);
        channel.attr(PENDING).set(new Pending(answer, deadline));
        channel.writeAndFlush(encode(request)).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                fail(channel, written.cause());
            }
        });
    }

    private FullHttpRequest encode(Request request) {
        FullHttpRequest encoded = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(request.method()), request.path(),
                Unpooled.wrappedBuffer(request.body()));
        encoded.headers().set(HttpHeaderNames.HOST, host).setInt(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
        if (request.body().length > 0) {
            encoded.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        }
        request.headers().forEach(encoded.headers()::set);
        return encoded;
    }

    private static void fail(Channel channel, Throwable cause) {
        Pending pending = channel.attr(PENDING).getAndSet(null);
        channel.close();
        if (pending != null) {
            pending.deadline().cancel(false);
            pending.answer().completeExceptionally(cause);
        }
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** A request sent on a connection and not yet answered. */
    private record Pending(CompletableFuture<Answer> answer, ScheduledFuture<?> deadline) {
    }

    /** Completes each connection's pending request with its answer and puts the connection back, or drops it. */
    private final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            Pending pending = ctx.channel().attr(PENDING).getAndSet(null);
            if (pending == null) {
                ctx.close();
                return;
            }
            pending.deadline().cancel(false);
            Answer received = new Answer(response.status().code(), response.content().toString(StandardCharsets.UTF_8));
            if (HttpUtil.isKeepAlive(response)) {
                idle.offer(ctx.channel());
            } else {
                ctx.close();
            }
            pending.answer().complete(received);
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
