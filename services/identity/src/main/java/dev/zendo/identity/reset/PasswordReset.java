package dev.zendo.identity.reset;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's open password reset: only the hash of the link's token is kept.
 *
 * @param agentId   whose password it resets; an agent has at most one open reset
 * @param tokenHash SHA-256 of the token, base64url
 * @param createdAt when it was requested
 * @param expiresAt when the link stops working
 */
@MappedEntity("password_reset")
record PasswordReset(@Id UUID agentId, String tokenHash, Instant createdAt, Instant expiresAt) {
}
