package dev.zendo.platform.redis;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import redis.clients.jedis.JedisPooled;

import java.util.Map;

/** Readiness: Redis answers PING. */
@Singleton
@Readiness
@Requires(bean = JedisPooled.class)
public class RedisHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final JedisPooled redis;

    RedisHealthIndicator(JedisPooled redis) {
        this.redis = redis;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        String reply = redis.ping();
        healthStatus = "PONG".equals(reply) ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("reply", reply);
    }

    @Override
    protected String getName() {
        return "redis";
    }
}
