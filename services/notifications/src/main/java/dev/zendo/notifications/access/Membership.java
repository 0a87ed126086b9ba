package dev.zendo.notifications.access;

import java.util.UUID;

/**
 * The caller's verified place in one website, from the replica.
 *
 * @param websiteId the website
 * @param agentId   the calling agent
 * @param role      the agent's role there
 */
public record Membership(UUID websiteId, String agentId, Role role) {
}
