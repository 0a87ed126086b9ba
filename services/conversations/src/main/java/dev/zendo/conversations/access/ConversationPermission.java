package dev.zendo.conversations.access;

import java.util.EnumSet;
import java.util.Set;

import static dev.zendo.conversations.access.Role.ADMIN;
import static dev.zendo.conversations.access.Role.AGENT;
import static dev.zendo.conversations.access.Role.OWNER;
import static dev.zendo.conversations.access.Role.SUPERVISOR;
import static dev.zendo.conversations.access.Role.VIEWER;

/**
 * The conversation permission matrix (docs/permissions.md, "Conversations"): every action on a website's
 * conversations and the roles that may take it. {@link ConversationAccess#require} is the one place it is enforced.
 * Viewers only read.
 */
public enum ConversationPermission {
    /** See every conversation of the website, whoever has it. */
    VIEW_ALL_CONVERSATIONS(OWNER, ADMIN, SUPERVISOR, VIEWER),
    /** See the queue and the conversations assigned to oneself or that one took part in. */
    VIEW_OWN_AND_QUEUE(OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER),
    REPLY(OWNER, ADMIN, SUPERVISOR, AGENT),
    WRITE_NOTES(OWNER, ADMIN, SUPERVISOR, AGENT),
    ASSIGN_SELF(OWNER, ADMIN, SUPERVISOR, AGENT),
    /** Assign or transfer a conversation to another agent or a group. */
    ASSIGN_OTHERS(OWNER, ADMIN, SUPERVISOR),
    /** Resolve, close and reopen threads; agents only those assigned to them (checked by the caller). */
    CLOSE_REOPEN(OWNER, ADMIN, SUPERVISOR, AGENT),
    MANAGE_TAG_DEFINITIONS(OWNER, ADMIN, SUPERVISOR),
    TAG_CONVERSATIONS(OWNER, ADMIN, SUPERVISOR, AGENT),
    /** Search messages and visitors; agents' results are limited like their lists (by the caller). */
    SEARCH(OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER),
    VIEW_VISITORS(OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER),
    VIEW_AGENT_STATS(OWNER, ADMIN, SUPERVISOR),
    /** Create, rotate, list and revoke the website's identity-verification secrets. */
    MANAGE_IDENTITY_SECRET(OWNER, ADMIN),
    /** Read the website's audit log (server API calls, identity-secret changes). */
    VIEW_AUDIT_LOG(OWNER, ADMIN);

    private final Set<Role> roles;

    ConversationPermission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    /** Whether {@code role} may take this action. */
    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
