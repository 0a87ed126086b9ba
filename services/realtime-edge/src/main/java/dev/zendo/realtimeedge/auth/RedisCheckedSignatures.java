package dev.zendo.realtimeedge.auth;

import dev.zendo.auth.token.CheckedSignatures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The tokens whose signatures the edge's nodes have checked, shared in Redis under the keys of docs/protocol.md
 * "Checked signatures": a node taking over a failed node's clients verifies their tokens without the P-256 arithmetic.
 * Only a hash of each token is stored, until the token expires. When Redis fails, tokens are checked in full.
 */
@Singleton
class RedisCheckedSignatures implements CheckedSignatures {

    static final String PREFIX = "zendo:realtime:signatures:";

    private static final Logger LOG = LoggerFactory.getLogger(RedisCheckedSignatures.class);

    private final JedisPooled redis;
    private final Counter found;
    private final Counter absent;
    private final AtomicBoolean failing = new AtomicBoolean();

    RedisCheckedSignatures(JedisPooled redis, MeterRegistry registry) {
        this.redis = redis;
        this.found = lookups(registry, "found");
        this.absent = lookups(registry, "absent");
    }

    @Override
    public boolean contains(String token) {
        try {
            boolean checked = redis.exists(key(token));
            recovered();
            (checked ? found : absent).increment();
            return checked;
        } catch (JedisException e) {
            failed(e);
            return false;
        }
    }

    @Override
    public void add(String token, Instant expiresAt) {
        try {
            redis.set(key(token), "", SetParams.setParams().pxAt(expiresAt.toEpochMilli()));
            recovered();
        } catch (JedisException e) {
            failed(e);
        }
    }

    /** The key of a token: its SHA-256, base64url without padding. */
    static String key(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Counter lookups(MeterRegistry registry, String result) {
        return Counter.builder("zendo.realtime.auth.checked.signatures").tag("result", result)
                .description("Tokens looked up among the signatures nodes checked: found ones skip the P-256 arithmetic")
                .register(registry);
    }

    private void recovered() {
        if (failing.compareAndSet(true, false)) {
            LOG.info("checked signatures are readable in Redis again");
        }
    }

    private void failed(JedisException e) {
        if (failing.compareAndSet(false, true)) {
            LOG.warn("checked signatures unavailable in Redis, so tokens are checked in full until it answers: {}", e.toString());
        }
    }
}
