package dev.zendo.platform.redis;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

import java.net.URI;

/** Builds the pooled Redis client from {@link RedisSettings}. */
@Factory
@Requires(bean = RedisSettings.class)
public class RedisFactory {

    @Singleton
    @Bean(preDestroy = "close")
    JedisPooled redis(RedisSettings settings) {
        URI uri = URI.create(settings.uri());
        int timeoutMillis = (int) settings.timeout().toMillis();
        String path = uri.getPath();
        int database = path == null || path.length() <= 1 ? 0 : Integer.parseInt(path.substring(1));
        return new JedisPooled(new HostAndPort(uri.getHost(), uri.getPort()), DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .database(database)
                .ssl("rediss".equals(uri.getScheme()))
                .build());
    }
}
