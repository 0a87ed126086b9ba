package dev.zendo.identity.token;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored refresh token: only its hash is kept.
 *
 * @param id        row id
 * @param familyId  the sign-in this token descends from; revoked as a whole
 * @param agentId   whose session it is
 * @param parentId  the token that was exchanged for this one, none for the first of a family
 * @param tokenHash SHA-256 of the token, base64url
 * @param createdAt when it was issued
 * @param expiresAt when it can no longer be used
 * @param usedAt    when it was exchanged for its child
 * @param revokedAt when its family was revoked
 */
@MappedEntity("refresh_token")
record RefreshToken(
        @Id UUID id,
        UUID familyId,
        UUID agentId,
        @Nullable UUID parentId,
        String tokenHash,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant revokedAt) {
}
