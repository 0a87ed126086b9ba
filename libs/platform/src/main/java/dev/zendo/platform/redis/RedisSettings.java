package dev.zendo.platform.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/**
 * Where a service's Redis is. The URL is checked at startup; its password never shows in {@link #toString()} or
 * in the startup failure.
 *
 * @param uri     {@code redis[s]://[[user]:password@]host[:port][/db]}, user and password URL-encoded
 * @param timeout connect and read timeout
 */
@Context
@Requires(property = "zendo.redis.uri")
@ConfigurationProperties("zendo.redis")
public record RedisSettings(@NotBlank String uri, @NotNull Duration timeout) {

    public RedisSettings {
        if (uri != null && !uri.isBlank()) {
            try {
                RedisUrl.parse(uri);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("zendo.redis.uri " + e.getMessage());
            }
        }
    }

    /** The parsed URL. */
    public RedisUrl url() {
        return RedisUrl.parse(uri);
    }

    @Override
    public String toString() {
        return "RedisSettings[uri=" + url() + ", timeout=" + timeout + "]";
    }
}
