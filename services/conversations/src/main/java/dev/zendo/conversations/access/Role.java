package dev.zendo.conversations.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

/** A member's role in one website, as replicated from websites; what each may do is {@link ConversationPermission}'s matrix. */
@Serdeable
public enum Role {
    @JsonProperty("owner")
    OWNER,
    @JsonProperty("admin")
    ADMIN,
    @JsonProperty("supervisor")
    SUPERVISOR,
    @JsonProperty("agent")
    AGENT,
    @JsonProperty("viewer")
    VIEWER;

    /** The role of an event; an unset role is no role at all. */
    public static Role of(dev.zendo.events.v1.Role role) {
        return switch (role) {
            case ROLE_OWNER -> OWNER;
            case ROLE_ADMIN -> ADMIN;
            case ROLE_SUPERVISOR -> SUPERVISOR;
            case ROLE_AGENT -> AGENT;
            case ROLE_VIEWER -> VIEWER;
            default -> throw new IllegalArgumentException("no role: " + role);
        };
    }

    /** The API spelling, as {@link JsonProperty} names it: lower case. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
