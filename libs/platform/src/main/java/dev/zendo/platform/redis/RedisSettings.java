package dev.zendo.platform.redis;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * Where a service's Redis is.
 *
 * @param uri     redis://host:port[/db]
 * @param timeout connect and read timeout
 */
@Context
@Requires(property = "zendo.redis.uri")
@ConfigurationProperties("zendo.redis")
public record RedisSettings(
        @NotBlank @Pattern(regexp = "rediss?://[^\\s/:]+:\\d{1,5}(/\\d+)?", message = "must look like redis://host:port") String uri,
        @NotNull Duration timeout) {
}
