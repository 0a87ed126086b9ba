package dev.zendo.notifications.access;

import java.util.Optional;

/** A member's role in a website, as the websites service's events name it (docs/permissions.md). */
public enum Role {
    OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER;

    /** The role an event names; empty for an unspecified or unknown one. */
    public static Optional<Role> of(dev.zendo.events.v1.Role role) {
        return switch (role) {
            case ROLE_OWNER -> Optional.of(OWNER);
            case ROLE_ADMIN -> Optional.of(ADMIN);
            case ROLE_SUPERVISOR -> Optional.of(SUPERVISOR);
            case ROLE_AGENT -> Optional.of(AGENT);
            case ROLE_VIEWER -> Optional.of(VIEWER);
            default -> Optional.empty();
        };
    }
}
