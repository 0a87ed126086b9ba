package dev.zendo.websites.keys;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Which key to rotate.
 *
 * @param kind {@code public} or {@code secret}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RotateKeyRequest(@NotNull @Pattern(regexp = "public|secret", message = "must be public or secret") String kind) {
}
