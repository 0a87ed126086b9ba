package dev.zendo.conversations.access;

import java.util.UUID;

/**
 * The caller's verified place in one website, from the replica.
 *
 * @param websiteId the website
 * @param agentId   the calling agent
 * @param role      the agent's role there
 */
public record AgentMembership(UUID websiteId, String agentId, Role role) {

    /** Whether the role may take {@code permission}'s action. */
    public boolean may(ConversationPermission permission) {
        return permission.allows(role);
    }
}
