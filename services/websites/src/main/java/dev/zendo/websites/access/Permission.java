package dev.zendo.websites.access;

import java.util.EnumSet;
import java.util.Set;

import static dev.zendo.websites.access.Role.ADMIN;
import static dev.zendo.websites.access.Role.AGENT;
import static dev.zendo.websites.access.Role.OWNER;
import static dev.zendo.websites.access.Role.SUPERVISOR;
import static dev.zendo.websites.access.Role.VIEWER;

/**
 * The permission matrix (docs/permissions.md): every action on a website and the roles that may take it.
 * {@link WebsiteAccess#require} is the one place it is enforced.
 */
public enum Permission {
    VIEW_WEBSITE(OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER),
    UPDATE_WEBSITE(OWNER, ADMIN),
    DELETE_WEBSITE(OWNER),
    /** The one action that also applies to a deleted website. */
    RESTORE_WEBSITE(OWNER),
    VIEW_KEYS(OWNER, ADMIN),
    MANAGE_KEYS(OWNER, ADMIN),
    VIEW_MEMBERS(OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER),
    /** Change the role and chat settings of members who are not owners, remove them. */
    MANAGE_MEMBERS(OWNER, ADMIN),
    /** Make someone an owner, change an owner's role or settings, remove an owner, invite an owner. */
    MANAGE_OWNERS(OWNER),
    /** Switch one's own "accepting chats" on and off. */
    SET_OWN_AVAILABILITY(OWNER, ADMIN, SUPERVISOR, AGENT),
    LEAVE_WEBSITE(OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER),
    MANAGE_INVITATIONS(OWNER, ADMIN),
    VIEW_GROUPS(OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER),
    MANAGE_GROUPS(OWNER, ADMIN, SUPERVISOR),
    VIEW_CANNED_RESPONSES(OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER),
    MANAGE_CANNED_RESPONSES(OWNER, ADMIN, SUPERVISOR),
    /** Be named in realtime tickets, so the edge lets one subscribe to the website's events. */
    SUBSCRIBE_REALTIME(OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    /** Whether {@code role} may take this action. */
    public boolean allows(Role role) {
        return roles.contains(role);
    }

    /** Whether this action also applies to a website that is deleted but still restorable. */
    boolean appliesToDeletedWebsite() {
        return this == RESTORE_WEBSITE;
    }
}
