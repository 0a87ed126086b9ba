package dev.zendo.realtimeedge.auth;

import dev.zendo.auth.token.CheckedSignatures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tokens whose signatures the edge's nodes have checked, shared in Redis under the keys of docs/protocol.md
 * "Checked signatures": a node taking over a failed node's clients verifies their tokens without the P-256 arithmetic.
 * A key is the HMAC of a token under a secret only the edge's nodes hold, so neither the token nor a way to record a
 * forged one is in Redis. A batch of tokens is one {@code MGET}, and its newly checked ones one pipeline of
 * {@code SET}s. When Redis fails, tokens are checked in full, and Redis is left alone for a while.
 */
class RedisCheckedSignatures implements CheckedSignatures {

    static final String PREFIX = "zendo:realtime:signatures:";
    /** How long reads or writes skip Redis after one failed. */
    static final Duration PAUSE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(RedisCheckedSignatures.class);
    private static final String HMAC = "HmacSHA256";

    private final JedisPooled redis;
    private final SecretKeySpec secret;
    private final Counter found;
    private final Counter absent;
    private final Outage reads = new Outage("read");
    private final Outage writes = new Outage("written");

    RedisCheckedSignatures(JedisPooled redis, MeterRegistry registry, String secret) {
        this.redis = redis;
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
        this.found = lookups(registry, "found");
        this.absent = lookups(registry, "absent");
    }

    @Override
    public Set<String> checked(Collection<String> tokens) {
        if (tokens.isEmpty() || reads.paused()) {
            return Set.of();
        }
        List<String> asked = List.copyOf(tokens);
        try {
            List<String> values = redis.mget(asked.stream().map(this::key).toArray(String[]::new));
            reads.succeeded();
            Set<String> checked = new HashSet<>();
            for (int i = 0; i < asked.size(); i++) {
                if (values.get(i) != null) {
                    checked.add(asked.get(i));
                }
            }
            found.increment(checked.size());
            absent.increment(asked.size() - checked.size());
            return checked;
        } catch (JedisException e) {
            reads.failed(e);
            return Set.of();
        }
    }

    @Override
    public void add(Map<String, Instant> expiresAt) {
        if (expiresAt.isEmpty() || writes.paused()) {
            return;
        }
        try (Pipeline pipeline = redis.pipelined()) {
            expiresAt.forEach((token, expires) -> pipeline.set(key(token), "", SetParams.setParams().pxAt(expires.toEpochMilli())));
            pipeline.sync();
            writes.succeeded();
        } catch (JedisException e) {
            writes.failed(e);
        }
    }

    /** The key of a token: its HMAC-SHA256 under the nodes' secret, base64url without padding. */
    String key(String token) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + HMAC, e);
        }
    }

    private static Counter lookups(MeterRegistry registry, String result) {
        return Counter.builder("zendo.realtime.auth.checked.signatures").tag("result", result)
                .description("Tokens looked up among the signatures nodes checked: found ones skip the P-256 arithmetic")
                .register(registry);
    }

    /** Failures of one direction: logged when they start and end; after each, Redis is skipped for {@link #PAUSE}. */
    private static final class Outage {

        private final String what;
        private volatile boolean failing;
        private volatile long pausedUntil;

        Outage(String what) {
            this.what = what;
        }

        boolean paused() {
            return failing && System.nanoTime() - pausedUntil < 0;
        }

        void succeeded() {
            if (failing) {
                failing = false;
                LOG.info("checked signatures are {} in Redis again", what);
            }
        }

        void failed(JedisException e) {
            pausedUntil = System.nanoTime() + PAUSE.toNanos();
            if (!failing) {
                failing = true;
                LOG.warn("checked signatures cannot be {} in Redis, so tokens are checked in full until it answers: {}", what, e.toString());
            }
        }
    }
}
