package dev.zendo.realtimeedge.auth;

import java.util.Locale;
import java.util.Optional;

/** An agent's role in a website as tickets spell it, and what the edge lets each role see and do (docs/permissions.md). */
public enum AgentRole {
    OWNER, ADMIN, SUPERVISOR, AGENT, VIEWER;

    /** The role a ticket names, empty for a spelling the edge does not know. */
    static Optional<AgentRole> parse(String value) {
        try {
            return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the role sees every conversation of the website (conversations' {@code VIEW_ALL_CONVERSATIONS}). */
    public boolean seesAll() {
        return this != AGENT;
    }

    /** Whether the role may write in conversations, and so signal typing. */
    public boolean mayReply() {
        return this != VIEWER;
    }
}
