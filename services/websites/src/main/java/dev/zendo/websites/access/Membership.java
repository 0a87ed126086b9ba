package dev.zendo.websites.access;

import java.util.UUID;

/**
 * The caller's verified place in one website.
 *
 * @param websiteId the website
 * @param agentId   the calling agent
 * @param role      the agent's role there
 */
public record Membership(UUID websiteId, String agentId, Role role) {
}
