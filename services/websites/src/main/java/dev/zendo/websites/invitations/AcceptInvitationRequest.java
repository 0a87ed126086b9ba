package dev.zendo.websites.invitations;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The invitation to accept.
 *
 * @param token the token from the invitation link
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AcceptInvitationRequest(@NotBlank @Size(max = 100) String token) {
}
