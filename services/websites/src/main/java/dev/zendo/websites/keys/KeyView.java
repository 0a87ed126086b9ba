package dev.zendo.websites.keys;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/**
 * A website key as its admins see it.
 *
 * @param id        its id
 * @param kind      {@code public} or {@code secret}
 * @param publicKey the key, for public keys
 * @param hint      its first characters
 * @param current   whether it is the website's current key of its kind
 * @param active    whether it still works
 * @param createdAt when it was issued
 * @param expiresAt when it stops (or stopped) working, if it does
 * @param revokedAt when it was revoked, if it was
 * @param secret    the secret key itself: only in the answer that issued it, never again
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyView(
        UUID id,
        KeyKind kind,
        @Nullable String publicKey,
        String hint,
        boolean current,
        boolean active,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable String secret) {

    static KeyView of(ApiKey key, Instant now, @Nullable String secret) {
        return new KeyView(key.id(), key.kind(), key.publicKey(), key.hint(), key.current(), key.activeAt(now),
                key.createdAt(), key.expiresAt(), key.revokedAt(), secret);
    }
}
