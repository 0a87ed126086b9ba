package dev.zendo.websites.invitations;

import dev.zendo.websites.access.Role;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Whom to invite and as what; inviting an email again replaces its open invitation.
 *
 * @param email the invitee's email
 * @param role  {@code owner} (owners only), {@code admin}, {@code supervisor}, {@code agent} or {@code viewer}
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateInvitationRequest(
        @NotBlank @Size(max = 254) @Pattern(regexp = "[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+", message = "must be an email address") String email,
        @NotNull @Pattern(regexp = Role.PATTERN, message = "must be owner, admin, supervisor, agent or viewer") String role) {
}
