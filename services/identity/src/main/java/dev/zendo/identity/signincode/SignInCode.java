package dev.zendo.identity.signincode;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent's open sign-in code: only a salted hash is kept.
 *
 * @param agentId        who it signs in; an agent has at most one open code
 * @param salt           random, base64url, this code's alone
 * @param codeHash       SHA-256 of the salt and the code, base64url
 * @param failedAttempts wrong codes tried against it so far
 * @param createdAt      when it was requested
 * @param expiresAt      when it stops working
 */
@MappedEntity("sign_in_code")
record SignInCode(@Id UUID agentId, String salt, String codeHash, int failedAttempts, Instant createdAt, Instant expiresAt) {
}
