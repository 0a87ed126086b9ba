package dev.zendo.identity.verification;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The answer to a request for a new verification link.
 *
 * @param email the address the link is for: the agent's current email
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record VerificationSent(String email) {
}
