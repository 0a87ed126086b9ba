package dev.zendo.bench.realtime;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.zendo.events.v1.Audience;
import dev.zendo.events.v1.Envelope;
import dev.zendo.events.v1.WebsiteCreated;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The client side of bench/realtime-memory: serves a visitor-token JWKS, announces a website on {@code zendo.websites},
 * then (once {@code <dir>/go} exists) opens N visitor WebSockets to one edge node, each authenticated and subscribed,
 * writes {@code <dir>/opened} and holds them until {@code <dir>/done} exists.
 * <p>
 * Arguments: kafka-bootstrap ws-port count dir
 */
public final class SocketLoad {

    static final String ISSUER = "bench-conversations";
    static final String ORIGIN = "https://bench.example";

    private SocketLoad() {
    }

    public static void main(String[] args) throws Exception {
        String kafka = args[0];
        int wsPort = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        Path dir = Path.of(args[3]);
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID(UUID.randomUUID().toString()).algorithm(JWSAlgorithm.ES256).generate();
        HttpServer jwks = serveJwks(key);
        UUID websiteId = UUID.randomUUID();
        announce(kafka, websiteId);
        Files.writeString(dir.resolve("jwks.port"), Integer.toString(jwks.getAddress().getPort()));
        waitFor(dir.resolve("go"));

        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(token(key, websiteId));
        }
        AtomicInteger subscribed = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        URI uri = URI.create("ws://127.0.0.1:" + wsPort + "/ws");
        List<Channel> channels = new ArrayList<>(count);
        long started = System.nanoTime();
        int half = count / 2;
        for (int i = 0; i < count; i++) {
            if (i == half) {
                while (subscribed.get() + failed.get() < half) {
                    Thread.sleep(50);
                }
                Files.writeString(dir.resolve("half"), subscribed.get() + " " + failed.get() + "\n");
                waitFor(dir.resolve("go2"));
            }
            String token = tokens.get(i);
            channels.add(new Bootstrap().group(group).channel(NioSocketChannel.class).handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                            new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                                    .customHeaders(new DefaultHttpHeaders().add(HttpHeaderNames.ORIGIN, ORIGIN)).build()),
                            new Visitor(token, websiteId, subscribed, failed));
                }
            }).connect(uri.getHost(), uri.getPort()).sync().channel());
            if (i % 500 == 499) {
                while (subscribed.get() + failed.get() < i - 1000) {
                    Thread.sleep(10);
                }
            }
        }
        while (subscribed.get() + failed.get() < count) {
            Thread.sleep(50);
        }
        Files.writeString(dir.resolve("opened"), subscribed.get() + " " + failed.get() + " "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + "\n");
        System.out.printf("opened %d sockets (%d failed)%n", subscribed.get(), failed.get());
        waitFor(dir.resolve("done"));
        channels.forEach(Channel::close);
        group.shutdownGracefully();
        jwks.stop(0);
    }

    private static HttpServer serveJwks(ECKey key) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void announce(String kafka, UUID websiteId) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(new NewTopic("zendo.websites", 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka),
                new StringSerializer(), new ByteArraySerializer())) {
            Instant now = Instant.now();
            Envelope created = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setType("website.created")
                    .setWebsiteId(websiteId.toString()).setAudience(Audience.AUDIENCE_SERVICES)
                    .setOccurredAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(now.getEpochSecond()))
                    .setWebsiteCreated(WebsiteCreated.newBuilder().setWebsiteId(websiteId.toString()).addAllowedOrigins(ORIGIN))
                    .build();
            producer.send(new ProducerRecord<>("zendo.websites", websiteId.toString(), created.toByteArray())).get();
        }
    }

    private static String token(ECKey key, UUID websiteId) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).issuer(ISSUER).audience("zendo-realtime")
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(2))))
                        .claim("token_use", "visitor").claim("website_id", websiteId.toString()).build());
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static void waitFor(Path file) throws InterruptedException {
        while (!Files.exists(file)) {
            Thread.sleep(100);
        }
    }

    /** One visitor: auth after the upgrade, subscribe after ready, counted once subscribed. */
    private static final class Visitor extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        private final String token;
        private final UUID websiteId;
        private final AtomicInteger subscribed;
        private final AtomicInteger failed;
        private boolean counted;

        Visitor(String token, UUID websiteId, AtomicInteger subscribed, AtomicInteger failed) {
            this.token = token;
            this.websiteId = websiteId;
            this.subscribed = subscribed;
            this.failed = failed;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"auth\",\"v\":1,\"token\":\"" + token + "\"}"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            String text = frame.text();
            if (text.startsWith("{\"type\":\"ready\"")) {
                ctx.writeAndFlush(new TextWebSocketFrame("{\"type\":\"subscribe\",\"website_id\":\"" + websiteId + "\"}"));
            } else if (text.startsWith("{\"type\":\"subscribed\"") && !counted) {
                counted = true;
                subscribed.incrementAndGet();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!counted) {
                counted = true;
                failed.incrementAndGet();
            }
            super.channelInactive(ctx);
        }
    }
}
