package dev.zendo.websites.keys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A website key as stored: public keys in full, secret keys only as their SHA-256.
 *
 * @param id         its id
 * @param websiteId  the website it belongs to
 * @param kind       public or secret
 * @param publicKey  the key itself, for public keys
 * @param secretHash SHA-256 of the key, for secret keys
 * @param hint       its first characters, to tell keys apart in listings
 * @param createdAt  when it was issued
 * @param expiresAt  when it stops working: null for the current key, set by rotation (overlap) and revocation (now)
 * @param revokedAt  when it was revoked, if it was
 */
@MappedEntity("api_keys")
public record ApiKey(
        @Id UUID id,
        UUID websiteId,
        KeyKind kind,
        @Nullable String publicKey,
        @Nullable byte[] secretHash,
        String hint,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt) {

    /** Whether the key is the website's current one of its kind. */
    boolean current() {
        return expiresAt == null;
    }

    /** Whether the key still works at {@code now}. */
    boolean activeAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
