package dev.zendo.identity.auth;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A refresh token presented to continue or to end its session.
 *
 * @param refreshToken the opaque refresh token of a token response
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RefreshTokenRequest(@NotBlank @Size(max = 256) String refreshToken) {
}
