package dev.zendo.identity.verification;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's open email verification: only the hash of the link's token is kept.
 *
 * @param agentId   whose email it verifies; an agent has at most one open verification
 * @param email     the address the link was sent to; the link verifies nothing once the agent's email is another
 * @param tokenHash SHA-256 of the token, base64url
 * @param createdAt when it was requested
 * @param expiresAt when the link stops working
 */
@MappedEntity("email_verification")
record EmailVerification(@Id UUID agentId, String email, String tokenHash, Instant createdAt, Instant expiresAt) {
}
