package dev.zendo.platform.redis;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** Builds the pooled Redis client from {@link RedisSettings}: address, database, TLS and credentials of its URL. */
@Factory
@Requires(bean = RedisSettings.class)
public class RedisFactory {

    @Singleton
    @Bean(preDestroy = "close")
    JedisPooled redis(RedisSettings settings) {
        RedisUrl url = settings.url();
        int timeoutMillis = (int) settings.timeout().toMillis();
        return new JedisPooled(new HostAndPort(url.host(), url.port()), DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .database(url.database())
                .ssl(url.tls())
                .user(url.user())
                .password(url.password())
                .build());
    }
}
