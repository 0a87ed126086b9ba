package dev.zendo.conversations.verification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A website's identity-verification secret as stored: encrypted, with a hint to tell secrets apart.
 *
 * @param id         its id
 * @param websiteId  the website whose host backend signs user tokens with it
 * @param ciphertext the secret, encrypted with {@link SecretCipher} and bound to the website id
 * @param hint       its last characters
 * @param createdBy  the agent who created it
 * @param createdAt  when it was created
 * @param expiresAt  null for the current secret; when a previous one stops verifying
 */
@MappedEntity("identity_secrets")
record IdentitySecret(
        @Id UUID id,
        UUID websiteId,
        byte[] ciphertext,
        String hint,
        String createdBy,
        Instant createdAt,
        @Nullable Instant expiresAt) {
}
