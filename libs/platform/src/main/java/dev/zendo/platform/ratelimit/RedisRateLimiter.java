package dev.zendo.platform.ratelimit;

import dev.zendo.platform.crypto.Sha256;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import redis.clients.jedis.JedisPooled;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;

/**
 * {@link RateLimiter} on bucket4j token buckets kept in Redis: each check is one compare-and-swap of the bucket's
 * state, so parallel requests on any instance never take more permits than the limit has. Keys are stored as their
 * SHA-256, so no email or address lingers in Redis; a bucket expires once it would be full again. Created at startup,
 * so the first limited request does not set up the Redis client on whatever thread it runs.
 */
@Context
@Requires(bean = JedisPooled.class)
class RedisRateLimiter implements RateLimiter {

    private static final String PREFIX = "zendo:rate-limit:";
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(5);

    private final ProxyManager<byte[]> buckets;

    RedisRateLimiter(JedisPooled redis) {
        this.buckets = Bucket4jJedis.casBasedBuilder(redis)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .build();
    }

    @Override
    public void acquire(RateLimit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw RetryLaterException.tooManyRequests(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    @Override
    public void release(RateLimit limit, String key) {
        bucket(limit, key).addTokens(1);
    }

    @Override
    public void reset(RateLimit limit, String key) {
        buckets.removeProxy(redisKey(limit, key));
    }

    private BucketProxy bucket(RateLimit limit, String key) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.period()).build())
                .build();
        return buckets.getProxy(redisKey(limit, key), () -> configuration);
    }

    private static byte[] redisKey(RateLimit limit, String key) {
        return (PREFIX + limit.name() + ":" + HexFormat.of().formatHex(Sha256.of(key))).getBytes(StandardCharsets.UTF_8);
    }
}
