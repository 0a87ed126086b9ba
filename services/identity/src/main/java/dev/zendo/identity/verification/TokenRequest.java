package dev.zendo.identity.verification;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The token of an email verification link.
 *
 * @param token as the link carried it
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record TokenRequest(@NotBlank @Size(max = 256) String token) {
}
