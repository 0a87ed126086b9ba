package dev.zendo.websites.invitations;

import dev.zendo.websites.access.Role;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.UUID;

/**
 * The website an agent joined by accepting an invitation.
 *
 * @param websiteId   the website
 * @param websiteName its name
 * @param role        the agent's role there
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record AcceptedInvitation(UUID websiteId, String websiteName, Role role) {
}
