package dev.zendo.conversations.replica;

import dev.zendo.conversations.access.Role;

import java.util.UUID;

/**
 * A member of a live website as replicated from websites, with the agent's profile from identity.
 *
 * @param websiteId          the website
 * @param agentId            the agent
 * @param role               the agent's role there
 * @param maxConcurrentChats how many active chats routing may give the agent at once
 * @param acceptingChats     whether the agent takes new chats
 * @param name               the agent's display name; null until identity's events about the agent arrive
 * @param avatarUrl          the agent's avatar; null when none
 * @param disabled           whether identity disabled the agent (no sign-in, no routing)
 */
public record Member(UUID websiteId, String agentId, Role role, int maxConcurrentChats, boolean acceptingChats,
                     String name, String avatarUrl, boolean disabled) {
}
