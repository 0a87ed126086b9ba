package dev.zendo.websites.invitations;

import dev.zendo.websites.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation to join a website, as stored: its token only as a SHA-256 hash.
 *
 * @param id         its id
 * @param websiteId  the website
 * @param email      who is invited, lower-case
 * @param role       the role they get
 * @param tokenHash  SHA-256 of the token
 * @param invitedBy  the inviting agent
 * @param createdAt  when it was sent
 * @param expiresAt  when it can no longer be accepted
 * @param acceptedAt when it was accepted
 * @param acceptedBy the agent who accepted it
 * @param revokedAt  when it was revoked (or replaced by a newer invitation of the same email)
 */
@MappedEntity("invitations")
record Invitation(
        @Id UUID id,
        UUID websiteId,
        String email,
        Role role,
        byte[] tokenHash,
        String invitedBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant acceptedAt,
        @Nullable String acceptedBy,
        @Nullable Instant revokedAt) {

    boolean pending() {
        return acceptedAt == null && revokedAt == null;
    }

    Invitation accepted(String agentId, Instant now) {
        return new Invitation(id, websiteId, email, role, tokenHash, invitedBy, createdAt, expiresAt, now, agentId, revokedAt);
    }

    Invitation revoked(Instant now) {
        return new Invitation(id, websiteId, email, role, tokenHash, invitedBy, createdAt, expiresAt, acceptedAt, acceptedBy, now);
    }
}
