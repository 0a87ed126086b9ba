package dev.zendo.conversations.verification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * How to rotate the identity-verification secret.
 *
 * @param overlapSeconds how long the secrets before the new one keep verifying: 0 stops them at once, at most 604800
 *                       (7 days); the service default (24 h) when left out
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record RotateSecretRequest(@Nullable @Min(0) @Max(604_800) Long overlapSeconds) {
}
