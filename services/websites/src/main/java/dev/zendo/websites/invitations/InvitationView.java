package dev.zendo.websites.invitations;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.zendo.websites.access.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.UUID;

/**
 * An invitation as the website's admins see it.
 *
 * @param id        its id
 * @param email     who is invited
 * @param role      the role they get
 * @param invitedBy the inviting agent's id
 * @param createdAt when it was sent
 * @param expiresAt when it can no longer be accepted
 * @param token     the token: only in the answer that created it, for sharing the link by hand
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationView(UUID id, String email, Role role, String invitedBy, Instant createdAt, Instant expiresAt,
                             @Nullable String token) {

    static InvitationView of(Invitation invitation, @Nullable String token) {
        return new InvitationView(invitation.id(), invitation.email(), invitation.role(), invitation.invitedBy(),
                invitation.createdAt(), invitation.expiresAt(), token);
    }
}
