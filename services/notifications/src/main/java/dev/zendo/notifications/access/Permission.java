package dev.zendo.notifications.access;

import java.util.EnumSet;
import java.util.Set;

/** What a member may do with a website's notifications and webhooks, and which roles may (docs/permissions.md). */
public enum Permission {
    /** Create, change, delete webhook subscriptions; read their delivery logs; redeliver. */
    MANAGE_WEBHOOKS(EnumSet.of(Role.OWNER, Role.ADMIN)),
    /** Read the website's notification log (every outcome, with its reason). */
    READ_NOTIFICATION_LOG(EnumSet.of(Role.OWNER, Role.ADMIN)),
    /** Read and change one's own notification preferences for the website. */
    OWN_PREFERENCES(EnumSet.allOf(Role.class));

    private final Set<Role> roles;

    Permission(Set<Role> roles) {
        this.roles = roles;
    }

    /** Whether {@code role} may take this action. */
    public boolean allows(Role role) {
        return roles.contains(role);
    }
}
