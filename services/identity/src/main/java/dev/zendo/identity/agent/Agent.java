package dev.zendo.identity.agent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * An agent as stored: profile, password hash, whether its email was verified and whether it was disabled. Never
 * leaves the service.
 *
 * @param id              the agent's id, the {@code sub} of its tokens
 * @param email           normalised (trimmed, lower-case) and unique
 * @param name            display name
 * @param avatarUrl       picture, when the agent set one
 * @param passwordHash    argon2id hash in PHC string format
 * @param createdAt       when the agent signed up
 * @param updatedAt       when the profile or password last changed
 * @param disabledAt      when the agent was disabled; it can no longer sign in
 * @param emailVerifiedAt when the agent proved the current email theirs; cleared when the email changes
 */
@MappedEntity("agent")
public record Agent(
        @Id UUID id,
        String email,
        String name,
        @Nullable String avatarUrl,
        String passwordHash,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant disabledAt,
        @Nullable Instant emailVerifiedAt) {

    /** A new, enabled agent whose email is not verified yet. */
    public static Agent create(String email, String name, String passwordHash, Instant now) {
        return new Agent(UUID.randomUUID(), email, name, null, passwordHash, now, now, null, null);
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    /** The new profile; a changed email is unverified. */
    public Agent withProfile(String newEmail, String newName, @Nullable String newAvatarUrl, Instant now) {
        Instant verifiedAt = newEmail.equals(email) ? emailVerifiedAt : null;
        return new Agent(id, newEmail, newName, newAvatarUrl, passwordHash, createdAt, now, disabledAt, verifiedAt);
    }

    public Agent withPasswordHash(String newPasswordHash, Instant now) {
        return new Agent(id, email, name, avatarUrl, newPasswordHash, createdAt, now, disabledAt, emailVerifiedAt);
    }

    public Agent withEmailVerified(Instant now) {
        return new Agent(id, email, name, avatarUrl, passwordHash, createdAt, now, disabledAt, now);
    }

    public Agent disable(Instant now) {
        return new Agent(id, email, name, avatarUrl, passwordHash, createdAt, now, now, emailVerifiedAt);
    }
}
